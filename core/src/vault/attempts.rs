//! The failed-attempt counter and its growing delays.
//!
//! The count is raised and committed *before* each key derivation, in the same transaction
//! that checks for a wait (so neither a killed app nor several processes at once get a free
//! try). After [`FREE_ATTEMPTS`] failures every further attempt waits: 30 s, doubling with each
//! failure, capped at one hour. Waits are measured in time since boot, which the person
//! cannot set; across a reboot the wall clock stands in, and no wait ever reaches past now
//! plus the longest delay, so setting the clock far ahead locks nobody out.
//!
//! The state is sealed with a key derived from the device secret: the file shows neither
//! when the vault was last opened nor how many guesses were made. It is mirrored to the
//! platform key store ([`Freshness`]); the larger count wins, so restoring an older file
//! does not give back the attempts used since.

use rusqlite::{Connection, TransactionBehavior};

use super::freshness::Freshness;
use crate::clock::Elapsed;
use crate::crypto::envelope;
use crate::crypto::keyring::hkdf_sha256;
use crate::crypto::{Algorithm, Cipher, Place};
use crate::encoding::{Reader, Writer};
use crate::error::{Error, Result};

/// Failures allowed before delays start.
pub const FREE_ATTEMPTS: u32 = 5;
/// The first delay, after the fifth failure.
pub const FIRST_DELAY_MS: i64 = 30_000;
/// The longest delay.
pub const MAX_DELAY_MS: i64 = 3_600_000;

/// How far the wall clock may drift from time since boot before it counts as moved (the
/// two are read a moment apart, and uptime counts in hundredths of a second).
const CLOCK_SLACK_MS: i64 = 250;

const PLACE: Place = Place { table: "vault", column: "attempt_state", row: 1 };

/// How long to wait after `failures` failed attempts.
pub fn delay_after(failures: u32) -> i64 {
    if failures < FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(20);
    (FIRST_DELAY_MS << doublings).min(MAX_DELAY_MS)
}

/// Now, on both clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The wall clock, ms since the epoch.
    pub wall_ms: i64,
    /// Time since boot.
    pub elapsed: Elapsed,
}

/// The persisted attempt state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attempts {
    /// Failed (or interrupted) attempts since the last success.
    pub failures: u32,
    /// When the last attempt started.
    pub last: Option<Moment>,
    /// The last attempt started but never finished (the app was stopped during it).
    pub unfinished: bool,
}

/// The key that seals the attempt state: from the device secret, so it is there before the
/// passcode is known, and no copy without the device can read it.
pub struct AttemptKey(Cipher);

impl AttemptKey {
    /// The attempt key of the vault `vault_id` with `device_secret`.
    pub fn new(vault_id: &[u8; 16], device_secret: &[u8]) -> Result<Self> {
        let key = hkdf_sha256(vault_id, device_secret, &[b"mend.attempts.aes256gcm"])?;
        Ok(Self(Cipher::new(Algorithm::Aes256Gcm, &key)?))
    }
}

impl Attempts {
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u32(self.failures).u8(u8::from(self.unfinished));
        match self.last {
            Some(m) => w.u8(1).i64(m.wall_ms).i64(m.elapsed.boot as i64).i64(m.elapsed.ms),
            None => w.u8(0),
        };
        w.finish()
    }

    pub(crate) fn decode(data: &[u8]) -> Result<Self> {
        const BAD: Error = Error::Damaged("bad attempt state");
        let mut r = Reader::new(data);
        let failures = r.u32()?;
        let unfinished = match r.u8()? {
            0 => false,
            1 => true,
            _ => return Err(BAD),
        };
        let last = match r.u8()? {
            0 => None,
            1 => Some(Moment {
                wall_ms: r.i64()?,
                elapsed: Elapsed { boot: r.i64()? as u64, ms: r.i64()? },
            }),
            _ => return Err(BAD),
        };
        r.finish()?;
        Ok(Self { failures, last, unfinished })
    }

    /// The state that stands in for a damaged one: the longest wait from `now`, so that
    /// damaging the state neither resets the count nor locks anyone out for good.
    fn after_damage(now: Moment) -> Self {
        Self { failures: FREE_ATTEMPTS + 7, last: Some(now), unfinished: false }
    }

    /// Reads the state. There is always a sealed one (a new vault starts with "no attempts"
    /// sealed), so an empty or unreadable cell is damage, not a fresh count.
    fn load(conn: &Connection, key: &AttemptKey) -> Result<Self> {
        let sealed: Vec<u8> = conn
            .query_row("SELECT attempt_state FROM vault WHERE singleton = 1", [], |r| r.get(0))
            .map_err(|e| match e {
                rusqlite::Error::InvalidColumnType(..) => Error::Damaged("bad attempt state"),
                other => other.into(),
            })?;
        let header = envelope::Header::parse(&sealed)?;
        Self::decode(&envelope::open(&key.0, &header, &PLACE, &sealed)?)
    }

    /// Seals "no attempts yet" into a new (or upgraded) vault's row.
    pub fn seal_new(conn: &Connection, key: &AttemptKey) -> Result<()> {
        Self::default().save(conn, key)
    }

    fn save(&self, conn: &Connection, key: &AttemptKey) -> Result<()> {
        let sealed = envelope::seal(&key.0, 0, &PLACE, &self.encode())?;
        conn.execute("UPDATE vault SET attempt_state = ?1 WHERE singleton = 1", [sealed])?;
        Ok(())
    }

    /// The state measured in this boot. After a reboot the time since boot starts again, so
    /// the wait still to run is taken from the wall clock (never less than nothing, never
    /// more than the longest delay) and the last attempt is placed that far back in this
    /// boot; from then on only time since boot counts.
    fn rebased(&self, now: Moment) -> Self {
        let Some(last) = self.last else { return *self };
        if last.elapsed.boot == now.elapsed.boot {
            return *self;
        }
        let delay = delay_after(self.failures);
        let waited = now.wall_ms.saturating_sub(last.wall_ms).max(0);
        let remaining = delay.saturating_sub(waited).clamp(0, MAX_DELAY_MS);
        let ago = delay - remaining;
        let elapsed = Elapsed { boot: now.elapsed.boot, ms: now.elapsed.ms.saturating_sub(ago) };
        Self { last: Some(Moment { wall_ms: now.wall_ms.saturating_sub(ago), elapsed }), ..*self }
    }

    /// When the next attempt is allowed, if a wait applies at `now`; never further ahead
    /// than the longest delay.
    pub fn retry_at_ms(&self, now: Moment) -> Option<i64> {
        let state = self.rebased(now);
        let last = state.last?;
        let since_boot = now.elapsed.ms - last.elapsed.ms;
        let delay = delay_after(state.failures);
        let remaining = delay.saturating_sub(since_boot.max(0));
        if remaining <= 0 {
            return None;
        }
        // While the wall clock kept pace with time since boot, the time to show is fixed by
        // the last attempt, so it does not drift between looks; once it was moved, it is
        // counted from now.
        let moved = (now.wall_ms.saturating_sub(last.wall_ms) - since_boot).abs() > CLOCK_SLACK_MS;
        let at = if moved {
            now.wall_ms.saturating_add(remaining)
        } else {
            last.wall_ms.saturating_add(delay)
        };
        Some(at.min(now.wall_ms.saturating_add(MAX_DELAY_MS)))
    }

    /// Attempts left before delays start.
    pub fn attempts_left(&self) -> u32 {
        FREE_ATTEMPTS.saturating_sub(self.failures)
    }

    /// Fails with [`Error::TooManyAttempts`] while a wait applies at `now`.
    pub fn check(&self, now: Moment) -> Result<()> {
        match self.retry_at_ms(now) {
            Some(retry_at_ms) => {
                Err(Error::TooManyAttempts { retry_at_ms, after_interruption: self.unfinished })
            }
            None => Ok(()),
        }
    }

    /// Of two records of the state, the one that counts more: more failures, or as many
    /// with the last attempt unfinished. A restored file cannot lower the count this way.
    fn larger(self, other: Self) -> Self {
        let key = |a: &Self| (a.failures, a.unfinished);
        if key(&other) > key(&self) { other } else { self }
    }

    /// The stored state merged with the key store's mirror, or the longest wait if neither
    /// can be read.
    fn merged(tx: &Connection, key: &AttemptKey, fresh: &Freshness, now: Moment) -> Result<Self> {
        let mirror = fresh.attempts();
        Ok(match (Self::load(tx, key), mirror) {
            (Ok(stored), Some(mirror)) => stored.larger(mirror),
            (Ok(stored), None) => stored,
            (Err(Error::Damaged(_)), Some(mirror)) => mirror,
            (Err(Error::Damaged(_)), None) => Self::after_damage(now),
            (Err(other), _) => return Err(other),
        })
    }

    /// The state as of `now`, in a transaction: the larger of the stored state and its
    /// mirror (a damaged state is replaced by the longest wait), measured again in this boot
    /// if it is from before a reboot. Any change is saved, so that the wait runs from the
    /// first time it was seen.
    fn current_in(
        tx: &Connection,
        key: &AttemptKey,
        fresh: &Freshness,
        now: Moment,
    ) -> Result<Self> {
        let stored = Self::load(tx, key).ok();
        let state = Self::merged(tx, key, fresh, now)?.rebased(now);
        if stored != Some(state) {
            state.save(tx, key)?;
        }
        Ok(state)
    }

    /// Mirrors a committed state to the key store, unless the mirror already holds it.
    fn mirror(&self, fresh: &Freshness) {
        if fresh.attempts() != Some(*self) {
            fresh.store_attempts(self);
        }
    }

    /// The state as of `now` (see `current_in`), committed. A plain read when nothing needs
    /// saving, so that the lock screen asking takes no write lock.
    pub fn current(
        conn: &mut Connection,
        key: &AttemptKey,
        fresh: &Freshness,
        now: Moment,
    ) -> Result<Self> {
        if let Ok(stored) = Self::load(conn, key)
            && stored.rebased(now) == stored
            && fresh.attempts().is_none_or(|mirror| stored.larger(mirror) == stored)
        {
            stored.mirror(fresh);
            return Ok(stored);
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let state = Self::current_in(&tx, key, fresh, now)?;
        tx.commit()?;
        state.mirror(fresh);
        Ok(state)
    }

    /// In one transaction: fails if a wait applies, else counts an attempt as failed and
    /// unfinished, and commits that (and mirrors it) before the secret is checked.
    pub fn check_and_begin(
        conn: &mut Connection,
        key: &AttemptKey,
        fresh: &Freshness,
        now: Moment,
    ) -> Result<Self> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut state = Self::current_in(&tx, key, fresh, now)?;
        if let Err(wait) = state.check(now) {
            tx.commit()?;
            state.mirror(fresh);
            return Err(wait);
        }
        state.failures = state.failures.saturating_add(1);
        state.last = Some(now);
        state.unfinished = true;
        state.save(&tx, key)?;
        tx.commit()?;
        fresh.store_attempts(&state);
        Ok(state)
    }

    /// Records how the attempt ended: a success clears the count, a wrong secret keeps it.
    pub fn finish(
        conn: &mut Connection,
        key: &AttemptKey,
        fresh: &Freshness,
        succeeded: bool,
    ) -> Result<()> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut state = Self::load(&tx, key)?;
        state.unfinished = false;
        if succeeded {
            state.failures = 0;
        }
        state.save(&tx, key)?;
        tx.commit()?;
        fresh.store_attempts(&state);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(wall_ms: i64, boot: u64, ms: i64) -> Moment {
        Moment { wall_ms, elapsed: Elapsed { boot, ms } }
    }

    #[test]
    fn delays_start_after_five_failures_double_and_cap_at_an_hour() {
        let expected = [0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600];
        for (failures, secs) in expected.iter().enumerate() {
            assert_eq!(delay_after(failures as u32), secs * 1000, "after {failures}");
        }
        assert_eq!(delay_after(u32::MAX), MAX_DELAY_MS);
    }

    #[test]
    fn waits_follow_time_since_boot_not_the_wall_clock() {
        let a = Attempts { failures: 6, last: Some(at(1_000, 7, 500)), unfinished: false };
        // 60 s must pass. Moving the wall clock a day ahead changes nothing.
        assert_eq!(a.retry_at_ms(at(86_401_000, 7, 500)), Some(86_461_000));
        assert!(a.check(at(86_401_000, 7, 60_499)).is_err());
        a.check(at(1_000, 7, 60_500)).unwrap();
        // Setting the wall clock far back does not make the wait longer either.
        assert_eq!(a.retry_at_ms(at(-10_000_000, 7, 30_500)), Some(-10_000_000 + 30_000));
        assert_eq!(a.attempts_left(), 0);
    }

    #[test]
    fn the_time_shown_does_not_drift_between_looks() {
        let a = Attempts { failures: 5, last: Some(at(1_000, 7, 500)), unfinished: false };
        // The two clocks read a few milliseconds apart, or uptime a hundredth behind.
        for (wall, since_boot) in [(11_000, 10_500), (11_003, 10_490), (20_001, 19_510)] {
            assert_eq!(a.retry_at_ms(at(wall, 7, since_boot)), Some(31_000));
        }
    }

    #[test]
    fn across_a_reboot_the_wall_clock_counts_and_no_wait_passes_the_longest_delay() {
        let a = Attempts { failures: 30, last: Some(at(1_000_000, 7, 500)), unfinished: true };
        // Rebooted, then the clock set a year back: the wait is at most an hour from now.
        let now = at(1_000_000 - 365 * 86_400_000, 8, 10);
        assert_eq!(a.retry_at_ms(now), Some(now.wall_ms + MAX_DELAY_MS));
        match a.check(now) {
            Err(Error::TooManyAttempts { after_interruption, .. }) => assert!(after_interruption),
            other => panic!("expected a wait, got {other:?}"),
        }
        // Rebooted, and an hour has passed on the wall clock.
        a.check(at(1_000_000 + MAX_DELAY_MS, 8, 10)).unwrap();
    }

    #[test]
    fn the_state_round_trips_and_rejects_bad_bytes() {
        let a = Attempts { failures: 3, last: Some(at(5, u64::MAX, 9)), unfinished: true };
        assert_eq!(Attempts::decode(&a.encode()).unwrap(), a);
        assert_eq!(Attempts::decode(&Attempts::default().encode()).unwrap(), Attempts::default());
        let mut bad = a.encode();
        bad.push(0);
        assert!(Attempts::decode(&bad).is_err());
    }
}
