//! Where "now" comes from. Every function of this crate takes `now` as a value; the service
//! gets it from a [`Clock`]: [`SystemClock`] in production, [`ManualClock`] in tests, so that
//! lease expiry or strike expiry can be tested without sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::Micros;

/// A source of the current time, in unix microseconds.
pub trait Clock: Send + Sync {
    fn now(&self) -> Micros;
}

/// The operating system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Micros {
        // A clock set before 1970 reads as 0 rather than failing: every comparison stays valid.
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }
}

/// A clock that only moves when told to (tests, simulations, replays).
#[derive(Debug, Default)]
pub struct ManualClock {
    now: AtomicI64,
}

impl ManualClock {
    pub fn new(start: Micros) -> Self {
        ManualClock {
            now: AtomicI64::new(start),
        }
    }

    pub fn set(&self, now: Micros) {
        self.now.store(now, Ordering::SeqCst);
    }

    /// Moves the clock forward (or back, with a negative `by`), saturating at the ends.
    pub fn advance(&self, by: Micros) {
        let _ = self
            .now
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| {
                Some(t.saturating_add(by))
            });
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Micros {
        self.now.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MICROS_PER_MINUTE;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let clock = ManualClock::new(1_000);
        assert_eq!(clock.now(), 1_000);
        clock.advance(MICROS_PER_MINUTE);
        assert_eq!(clock.now(), 1_000 + MICROS_PER_MINUTE);
        clock.set(5);
        assert_eq!(clock.now(), 5);
        clock.set(i64::MAX - 1);
        clock.advance(10);
        assert_eq!(clock.now(), i64::MAX);
    }

    #[test]
    fn system_clock_is_after_2020() {
        // 2020-01-01 in unix microseconds: a clock reading before it is not the system clock.
        assert!(SystemClock.now() > 1_577_836_800 * 1_000_000);
    }
}
