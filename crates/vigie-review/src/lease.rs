//! Claims with a lease. A moderator claims a case for a while ([`LeaseConfig::duration_minutes`]);
//! meanwhile nobody else may decide it. A lease not renewed expires by itself, and the case
//! is free again: any moderator may then claim it ("steal" the expired lease). Before expiry,
//! only a role with [`Permission::TakeOverLease`] (admins) may take it over, and the takeover
//! is recorded on the new lease.
//!
//! Everything here is a pure function of the lease and `now`: the store keeps
//! `holder` and `expires_at` in columns and applies the same rule in SQL
//! (`lease_expires_at IS NULL OR lease_expires_at <= now`, see [`crate::QueueFilter`]).

use serde::{Deserialize, Serialize};

use crate::roles::{Actor, Permission};
use crate::{MICROS_PER_MINUTE, Micros, ReviewError};

/// How long claims last and how often they may be renewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LeaseConfig {
    pub duration_minutes: u32,
    /// A moderator may renew a claim this many times; past that the case goes back to the queue
    /// (a case held for hours is usually one someone forgot).
    pub max_renewals: u32,
}

impl Default for LeaseConfig {
    fn default() -> Self {
        LeaseConfig {
            duration_minutes: 15,
            max_renewals: 8,
        }
    }
}

impl LeaseConfig {
    pub fn duration(&self) -> Micros {
        Micros::from(self.duration_minutes) * MICROS_PER_MINUTE
    }
}

/// A moderator's hold on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lease {
    pub holder: String,
    pub claimed_at: Micros,
    /// The lease is held while `now < expires_at`.
    pub expires_at: Micros,
    pub renewals: u32,
    /// Set when an admin took the case over from a live lease: who held it before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken_over_from: Option<String>,
}

impl Lease {
    pub fn new(holder: &str, now: Micros, config: &LeaseConfig) -> Self {
        Lease {
            holder: holder.to_string(),
            claimed_at: now,
            expires_at: now.saturating_add(config.duration()),
            renewals: 0,
            taken_over_from: None,
        }
    }

    pub fn is_active(&self, now: Micros) -> bool {
        now < self.expires_at
    }

    /// Whether `actor` holds this lease at `now`.
    pub fn is_held_by(&self, actor: &str, now: Micros) -> bool {
        self.is_active(now) && self.holder == actor
    }
}

/// The holder of `lease` at `now`, if it is still live.
pub fn active_holder(lease: Option<&Lease>, now: Micros) -> Option<&str> {
    lease
        .filter(|l| l.is_active(now))
        .map(|l| l.holder.as_str())
}

/// The lease `actor` gets by claiming at `now` over `current`, or why not.
pub fn claim(
    case_id: &str,
    current: Option<&Lease>,
    actor: &Actor,
    now: Micros,
    config: &LeaseConfig,
) -> Result<Lease, ReviewError> {
    actor.require(Permission::Claim)?;
    let Some(current) = current.filter(|l| l.is_active(now)) else {
        return Ok(Lease::new(&actor.id, now, config));
    };
    if current.holder == actor.id {
        return Err(ReviewError::AlreadyClaimed {
            case_id: case_id.to_string(),
            actor: actor.id.clone(),
        });
    }
    if actor.allows(Permission::TakeOverLease) {
        let mut lease = Lease::new(&actor.id, now, config);
        lease.taken_over_from = Some(current.holder.clone());
        return Ok(lease);
    }
    Err(ReviewError::LeaseHeld {
        case_id: case_id.to_string(),
        holder: current.holder.clone(),
        expires_at: current.expires_at,
    })
}

/// Extends `lease` by a full duration from `now`. The holder may renew a lease that has expired
/// as long as nobody took it since (it is still the case's lease).
pub fn renew(
    case_id: &str,
    lease: &Lease,
    actor: &Actor,
    now: Micros,
    config: &LeaseConfig,
) -> Result<Lease, ReviewError> {
    if lease.holder != actor.id {
        return Err(ReviewError::NotClaimed {
            case_id: case_id.to_string(),
            actor: actor.id.clone(),
        });
    }
    if lease.renewals >= config.max_renewals {
        return Err(ReviewError::RenewalLimit {
            case_id: case_id.to_string(),
            renewals: lease.renewals,
        });
    }
    let mut renewed = lease.clone();
    renewed.expires_at = now.saturating_add(config.duration()).max(lease.expires_at);
    renewed.renewals += 1;
    Ok(renewed)
}

/// `Ok` if `actor` holds `lease` at `now`: the check before any decision.
pub fn require_holder(
    case_id: &str,
    lease: Option<&Lease>,
    actor: &Actor,
    now: Micros,
) -> Result<(), ReviewError> {
    match lease {
        Some(l) if l.holder == actor.id && l.is_active(now) => Ok(()),
        Some(l) if l.holder == actor.id => Err(ReviewError::LeaseExpired {
            case_id: case_id.to_string(),
            actor: actor.id.clone(),
            expired_at: l.expires_at,
        }),
        Some(l) if l.is_active(now) => Err(ReviewError::LeaseHeld {
            case_id: case_id.to_string(),
            holder: l.holder.clone(),
            expires_at: l.expires_at,
        }),
        _ => Err(ReviewError::NotClaimed {
            case_id: case_id.to_string(),
            actor: actor.id.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::Role;

    const T0: Micros = 1_700_000_000_000_000;

    fn config() -> LeaseConfig {
        LeaseConfig {
            duration_minutes: 10,
            max_renewals: 2,
        }
    }

    #[test]
    fn a_live_lease_blocks_other_moderators_until_it_expires() {
        let alice = Actor::new("alice", Role::Moderator);
        let bob = Actor::new("bob", Role::Moderator);
        let lease = claim("c1", None, &alice, T0, &config()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lease.expires_at, T0 + 10 * MICROS_PER_MINUTE);
        let before_expiry = T0 + 10 * MICROS_PER_MINUTE - 1;
        assert!(matches!(
            claim("c1", Some(&lease), &bob, before_expiry, &config()),
            Err(ReviewError::LeaseHeld { ref holder, .. }) if holder == "alice"
        ));
        let at_expiry = T0 + 10 * MICROS_PER_MINUTE;
        let stolen = claim("c1", Some(&lease), &bob, at_expiry, &config());
        assert_eq!(stolen.map(|l| l.holder), Ok("bob".to_string()));
    }

    #[test]
    fn admins_take_over_and_it_is_recorded() {
        let alice = Actor::new("alice", Role::Moderator);
        let admin = Actor::new("root", Role::Admin);
        let lease = claim("c1", None, &alice, T0, &config()).unwrap_or_else(|e| panic!("{e}"));
        let taken =
            claim("c1", Some(&lease), &admin, T0 + 1, &config()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(taken.holder, "root");
        assert_eq!(taken.taken_over_from.as_deref(), Some("alice"));
    }

    #[test]
    fn triage_and_auditors_cannot_claim() {
        for role in [Role::Triage, Role::Auditor] {
            let actor = Actor::new("x", role);
            assert!(matches!(
                claim("c1", None, &actor, T0, &config()),
                Err(ReviewError::Forbidden { .. })
            ));
        }
    }

    #[test]
    fn renewals_extend_and_are_limited() {
        let alice = Actor::new("alice", Role::Moderator);
        let bob = Actor::new("bob", Role::Moderator);
        let lease = claim("c1", None, &alice, T0, &config()).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            renew("c1", &lease, &bob, T0, &config()),
            Err(ReviewError::NotClaimed { .. })
        ));
        let later = T0 + 8 * MICROS_PER_MINUTE;
        let once = renew("c1", &lease, &alice, later, &config()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(once.expires_at, later + 10 * MICROS_PER_MINUTE);
        assert_eq!(once.claimed_at, T0);
        let twice = renew("c1", &once, &alice, later, &config()).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            renew("c1", &twice, &alice, later, &config()),
            Err(ReviewError::RenewalLimit { renewals: 2, .. })
        ));
    }

    #[test]
    fn renewing_never_shortens_a_lease() {
        let alice = Actor::new("alice", Role::Moderator);
        let lease = claim("c1", None, &alice, T0, &config()).unwrap_or_else(|e| panic!("{e}"));
        // A clock that went backwards between two requests.
        let renewed = renew("c1", &lease, &alice, T0 - MICROS_PER_MINUTE, &config())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(renewed.expires_at, lease.expires_at);
    }

    #[test]
    fn deciding_requires_a_live_lease_of_ones_own() {
        let alice = Actor::new("alice", Role::Moderator);
        let bob = Actor::new("bob", Role::Moderator);
        let lease = claim("c1", None, &alice, T0, &config()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(require_holder("c1", Some(&lease), &alice, T0 + 1), Ok(()));
        assert!(matches!(
            require_holder("c1", Some(&lease), &bob, T0 + 1),
            Err(ReviewError::LeaseHeld { .. })
        ));
        assert!(matches!(
            require_holder("c1", Some(&lease), &alice, lease.expires_at),
            Err(ReviewError::LeaseExpired { .. })
        ));
        assert!(matches!(
            require_holder("c1", None, &alice, T0),
            Err(ReviewError::NotClaimed { .. })
        ));
        assert_eq!(active_holder(Some(&lease), T0), Some("alice"));
        assert_eq!(active_holder(Some(&lease), lease.expires_at), None);
    }
}
