//! Time: instants as [`Timestamp`]s, and an injected [`Clock`] so that attempt delays,
//! streaks and schedules are tested without sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// An instant, in milliseconds since the Unix epoch. Crosses the FFI as the platform's own
/// instant type (`java.time.Instant` in Kotlin, `Date` in Swift).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The instant `ms` milliseconds after the Unix epoch.
    pub const fn from_ms(ms: i64) -> Self {
        Self(ms)
    }

    /// Milliseconds since the Unix epoch.
    pub const fn ms(self) -> i64 {
        self.0
    }

    /// This instant moved by `delta_ms` milliseconds, saturating at the ends of time.
    pub const fn plus_ms(self, delta_ms: i64) -> Self {
        Self(self.0.saturating_add(delta_ms))
    }
}

impl From<Timestamp> for SystemTime {
    fn from(t: Timestamp) -> Self {
        let magnitude = Duration::from_millis(t.0.unsigned_abs());
        if t.0 >= 0 { UNIX_EPOCH + magnitude } else { UNIX_EPOCH - magnitude }
    }
}

impl From<SystemTime> for Timestamp {
    fn from(t: SystemTime) -> Self {
        let ms = |d: Duration| i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
        match t.duration_since(UNIX_EPOCH) {
            Ok(after) => Self(ms(after)),
            Err(before) => Self(-ms(before.duration())),
        }
    }
}

#[cfg(feature = "uniffi")]
uniffi::custom_type!(Timestamp, SystemTime, {
    lower: |t| t.into(),
    try_lift: |t| Ok(t.into()),
});

/// Time the person cannot set: how long the device has been running since it booted (time
/// asleep included), and which boot that is. Attempt delays are measured with it, so moving
/// the wall clock neither skips a wait nor makes one longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Elapsed {
    /// Identifies one boot of the device; a new boot restarts `ms`.
    pub boot: u64,
    /// Milliseconds since that boot.
    pub ms: i64,
}

/// A source of the current time.
pub trait Clock: Send + Sync {
    /// The wall-clock time in milliseconds since the Unix epoch (the person can set it).
    fn now_ms(&self) -> i64;

    /// The time since boot (the person cannot set it).
    fn elapsed(&self) -> Elapsed;

    /// The current time.
    fn now(&self) -> Timestamp {
        Timestamp(self.now_ms())
    }
}

/// The system's clocks: the wall clock, and the time since boot from the kernel (Linux's and
/// Android's `/proc/uptime`, which counts time asleep, with its boot id; Darwin's
/// `CLOCK_MONOTONIC` with the boot session's id on Apple platforms). Where those are not
/// readable, time since this process started, each process counting as a boot of its own.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

/// A short stable number for a boot id.
fn boot_number(id: &str) -> u64 {
    // FNV-1a: no security rests on it; it only tells boots apart.
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Apple platforms: Darwin's `CLOCK_MONOTONIC` counts from boot and keeps counting while the
/// device sleeps (unlike `Instant`), and `kern.bootsessionuuid` names the boot.
#[cfg(target_vendor = "apple")]
fn kernel_elapsed() -> Option<Elapsed> {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid, writable timespec for the call's duration.
    if unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut now) } != 0 {
        return None;
    }
    let mut id = [0u8; 64];
    let mut len = id.len();
    // SAFETY: the name is NUL-terminated; `id` and `len` describe a writable buffer, and no
    // new value is set (null pointer, zero length).
    let read = unsafe {
        libc::sysctlbyname(
            c"kern.bootsessionuuid".as_ptr(),
            id.as_mut_ptr().cast(),
            &mut len,
            std::ptr::null_mut(),
            0,
        )
    };
    if read != 0 || len > id.len() {
        return None;
    }
    let id = std::str::from_utf8(&id[..len]).ok()?.trim_end_matches('\0');
    let ms = i64::from(now.tv_sec).checked_mul(1000)? + i64::from(now.tv_nsec) / 1_000_000;
    Some(Elapsed { boot: boot_number(id), ms })
}

#[cfg(not(target_vendor = "apple"))]
fn kernel_elapsed() -> Option<Elapsed> {
    let id = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    // "12345.67 …": whole seconds and hundredths, read as integers (no float parser).
    let (whole, hundredths) = uptime.split_whitespace().next()?.split_once('.')?;
    let ms = whole.parse::<i64>().ok()?.checked_mul(1000)? + hundredths.parse::<i64>().ok()? * 10;
    Some(Elapsed { boot: boot_number(id.trim()), ms })
}

fn process_elapsed() -> Elapsed {
    static START: std::sync::OnceLock<(std::time::Instant, u64)> = std::sync::OnceLock::new();
    let (start, boot) = START.get_or_init(|| {
        let boot = crate::crypto::random::bytes::<8>().map(u64::from_le_bytes).unwrap_or(1);
        (std::time::Instant::now(), boot)
    });
    Elapsed { boot: *boot, ms: i64::try_from(start.elapsed().as_millis()).unwrap_or(i64::MAX) }
}

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        chrono::Utc::now().timestamp_millis()
    }

    fn elapsed(&self) -> Elapsed {
        kernel_elapsed().unwrap_or_else(process_elapsed)
    }
}

/// Clocks that only move when told to. For tests and simulations: `advance` moves both, as
/// time passing does; `set` moves only the wall clock, as a person changing it does.
#[derive(Debug, Default)]
pub struct ManualClock {
    now_ms: AtomicI64,
    elapsed_ms: AtomicI64,
    boot: AtomicI64,
}

impl ManualClock {
    /// Clocks standing at `now_ms` on the wall, one hour into the first boot.
    pub fn new(now_ms: i64) -> Self {
        Self {
            now_ms: AtomicI64::new(now_ms),
            elapsed_ms: AtomicI64::new(3_600_000),
            boot: AtomicI64::new(1),
        }
    }

    /// Sets the wall clock to `now_ms` (time since boot does not move).
    pub fn set(&self, now_ms: i64) {
        self.now_ms.store(now_ms, Ordering::SeqCst);
    }

    /// Lets `delta_ms` pass: both clocks move.
    pub fn advance(&self, delta_ms: i64) {
        self.now_ms.fetch_add(delta_ms, Ordering::SeqCst);
        self.elapsed_ms.fetch_add(delta_ms, Ordering::SeqCst);
    }

    /// Restarts the device: a new boot, its time since boot starting again.
    pub fn reboot(&self) {
        self.boot.fetch_add(1, Ordering::SeqCst);
        self.elapsed_ms.store(0, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.now_ms.load(Ordering::SeqCst)
    }

    fn elapsed(&self) -> Elapsed {
        Elapsed {
            boot: self.boot.load(Ordering::SeqCst) as u64,
            ms: self.elapsed_ms.load(Ordering::SeqCst),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_clock_counts_time_since_boot_in_one_boot() {
        let (a, b) = (SystemClock.elapsed(), SystemClock.elapsed());
        assert_eq!(a.boot, b.boot);
        assert!(b.ms >= a.ms && a.ms >= 0);
    }

    #[test]
    fn timestamps_round_trip_through_system_time_on_both_sides_of_the_epoch() {
        for ms in [0, 1, -1, 1_773_027_000_123, -86_400_000 * 365 * 30 - 7] {
            let t = Timestamp::from_ms(ms);
            assert_eq!(Timestamp::from(SystemTime::from(t)), t);
        }
    }
}
