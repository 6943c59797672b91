//! The failed-attempt counter and its growing delays.
//!
//! The counter is raised and committed *before* each KDF run, so killing the app during an
//! attempt still counts it. After [`FREE_ATTEMPTS`] failures every further attempt waits:
//! 30 s, doubling with each failure, capped at one hour.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Failures allowed before delays start.
pub const FREE_ATTEMPTS: u32 = 5;
/// The first delay, after the fifth failure.
pub const FIRST_DELAY_MS: i64 = 30_000;
/// The longest delay.
pub const MAX_DELAY_MS: i64 = 3_600_000;

/// How long to wait after `failures` failed attempts.
pub fn delay_after(failures: u32) -> i64 {
    if failures < FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(20);
    (FIRST_DELAY_MS << doublings).min(MAX_DELAY_MS)
}

/// The persisted attempt state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempts {
    /// Failed (or interrupted) attempts since the last success.
    pub failures: u32,
    /// When the last attempt started, in ms since the epoch.
    pub last_attempt_ms: i64,
}

impl Attempts {
    /// Reads the state.
    pub fn load(conn: &Connection) -> Result<Self> {
        let (failures, last_attempt_ms): (i64, i64) = conn.query_row(
            "SELECT failed_attempts, last_attempt_ms FROM vault WHERE singleton = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let failures = u32::try_from(failures).map_err(|_| Error::Damaged("bad attempt count"))?;
        Ok(Self { failures, last_attempt_ms })
    }

    /// When the next attempt is allowed, if a delay applies.
    pub fn retry_at_ms(&self) -> Option<i64> {
        let delay = delay_after(self.failures);
        (delay > 0).then(|| self.last_attempt_ms.saturating_add(delay))
    }

    /// Attempts left before delays start.
    pub fn attempts_left(&self) -> u32 {
        FREE_ATTEMPTS.saturating_sub(self.failures)
    }

    /// Fails with [`Error::TooManyAttempts`] while a delay applies at `now_ms`.
    pub fn check(&self, now_ms: i64) -> Result<()> {
        match self.retry_at_ms() {
            Some(retry_at_ms) if now_ms < retry_at_ms => {
                Err(Error::TooManyAttempts { retry_at_ms })
            }
            _ => Ok(()),
        }
    }

    /// Counts an attempt as failed and commits that, before the secret is checked.
    pub fn begin(conn: &Connection, now_ms: i64) -> Result<Self> {
        conn.execute(
            "UPDATE vault SET failed_attempts = failed_attempts + 1, last_attempt_ms = ?1
             WHERE singleton = 1",
            [now_ms],
        )?;
        Self::load(conn)
    }

    /// Clears the count after a successful attempt.
    pub fn reset(conn: &Connection) -> Result<()> {
        conn.execute("UPDATE vault SET failed_attempts = 0 WHERE singleton = 1", [])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_start_after_five_failures_double_and_cap_at_an_hour() {
        let expected = [0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600];
        for (failures, secs) in expected.iter().enumerate() {
            assert_eq!(delay_after(failures as u32), secs * 1000, "after {failures}");
        }
        assert_eq!(delay_after(u32::MAX), MAX_DELAY_MS);
    }

    #[test]
    fn check_refuses_until_the_delay_has_passed() {
        let a = Attempts { failures: 6, last_attempt_ms: 1_000 };
        assert_eq!(a.retry_at_ms(), Some(61_000));
        assert!(matches!(a.check(60_999), Err(Error::TooManyAttempts { retry_at_ms: 61_000 })));
        a.check(61_000).unwrap();
        assert_eq!(a.attempts_left(), 0);
        let fresh = Attempts { failures: 2, last_attempt_ms: 1_000 };
        fresh.check(1_000).unwrap();
        assert_eq!(fresh.attempts_left(), 3);
    }
}
