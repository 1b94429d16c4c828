//! Who may do what. Four roles:
//!
//! | role | may |
//! |---|---|
//! | triage | see queues and cases, add reports, escalate |
//! | moderator | what triage may, plus claim, decide, second-review, review appeals |
//! | admin | everything: also queues, policy, API keys, users, taking over a live lease |
//! | auditor | read everything (queues, cases, audit log, exports), change nothing |

use serde::{Deserialize, Serialize};

/// A person's role in the review tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Triage,
    Moderator,
    Admin,
    Auditor,
}

/// One thing a person may or may not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    ViewQueues,
    ViewCases,
    ReadAudit,
    ExportTraining,
    AddReport,
    Escalate,
    Claim,
    Decide,
    ReviewAppeals,
    /// Take over a lease another moderator still holds.
    TakeOverLease,
    ManageQueues,
    ManagePolicy,
    ManageKeys,
    ManageUsers,
}

impl Permission {
    pub const ALL: [Permission; 14] = [
        Permission::ViewQueues,
        Permission::ViewCases,
        Permission::ReadAudit,
        Permission::ExportTraining,
        Permission::AddReport,
        Permission::Escalate,
        Permission::Claim,
        Permission::Decide,
        Permission::ReviewAppeals,
        Permission::TakeOverLease,
        Permission::ManageQueues,
        Permission::ManagePolicy,
        Permission::ManageKeys,
        Permission::ManageUsers,
    ];

    /// Whether using this permission changes nothing (what an auditor is limited to).
    pub fn is_read_only(self) -> bool {
        matches!(
            self,
            Permission::ViewQueues
                | Permission::ViewCases
                | Permission::ReadAudit
                | Permission::ExportTraining
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Permission::ViewQueues => "view_queues",
            Permission::ViewCases => "view_cases",
            Permission::ReadAudit => "read_audit",
            Permission::ExportTraining => "export_training",
            Permission::AddReport => "add_report",
            Permission::Escalate => "escalate",
            Permission::Claim => "claim",
            Permission::Decide => "decide",
            Permission::ReviewAppeals => "review_appeals",
            Permission::TakeOverLease => "take_over_lease",
            Permission::ManageQueues => "manage_queues",
            Permission::ManagePolicy => "manage_policy",
            Permission::ManageKeys => "manage_keys",
            Permission::ManageUsers => "manage_users",
        }
    }
}

impl std::fmt::Display for Permission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Triage, Role::Moderator, Role::Admin, Role::Auditor];

    pub fn allows(self, permission: Permission) -> bool {
        use Permission as P;
        match self {
            Role::Admin => true,
            Role::Auditor => permission.is_read_only(),
            Role::Triage => matches!(
                permission,
                P::ViewQueues | P::ViewCases | P::AddReport | P::Escalate
            ),
            Role::Moderator => matches!(
                permission,
                P::ViewQueues
                    | P::ViewCases
                    | P::AddReport
                    | P::Escalate
                    | P::Claim
                    | P::Decide
                    | P::ReviewAppeals
            ),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Role::Triage => "triage",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
            Role::Auditor => "auditor",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Someone acting in the review tool.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub role: Role,
}

impl Actor {
    pub fn new(id: impl Into<String>, role: Role) -> Self {
        Actor {
            id: id.into(),
            role,
        }
    }

    pub fn allows(&self, permission: Permission) -> bool {
        self.role.allows(permission)
    }

    /// `Ok` if the actor's role grants `permission`, the typed refusal otherwise.
    pub fn require(&self, permission: Permission) -> Result<(), crate::ReviewError> {
        if self.allows(permission) {
            Ok(())
        } else {
            Err(crate::ReviewError::Forbidden {
                actor: self.id.clone(),
                role: self.role,
                permission,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matrix as the product spec writes it, one row per role: a second, independent
    /// statement of `Role::allows`, so that a change to either shows up here.
    const MATRIX: [(Role, &[&str]); 4] = [
        (
            Role::Triage,
            &["view_queues", "view_cases", "add_report", "escalate"],
        ),
        (
            Role::Moderator,
            &[
                "view_queues",
                "view_cases",
                "add_report",
                "escalate",
                "claim",
                "decide",
                "review_appeals",
            ],
        ),
        (
            Role::Admin,
            &[
                "view_queues",
                "view_cases",
                "read_audit",
                "export_training",
                "add_report",
                "escalate",
                "claim",
                "decide",
                "review_appeals",
                "take_over_lease",
                "manage_queues",
                "manage_policy",
                "manage_keys",
                "manage_users",
            ],
        ),
        (
            Role::Auditor,
            &["view_queues", "view_cases", "read_audit", "export_training"],
        ),
    ];

    #[test]
    fn every_role_and_permission_matches_the_matrix() {
        for (role, granted) in MATRIX {
            for permission in Permission::ALL {
                let expected = granted.contains(&permission.name());
                assert_eq!(
                    role.allows(permission),
                    expected,
                    "{role} × {permission}: expected {expected}"
                );
            }
        }
    }

    #[test]
    fn auditors_change_nothing_and_only_admins_manage() {
        for permission in Permission::ALL {
            if !permission.is_read_only() {
                assert!(!Role::Auditor.allows(permission), "auditor {permission}");
            }
        }
        for permission in [
            Permission::ManageQueues,
            Permission::ManagePolicy,
            Permission::ManageKeys,
            Permission::ManageUsers,
            Permission::TakeOverLease,
        ] {
            let holders: Vec<Role> = Role::ALL
                .into_iter()
                .filter(|r| r.allows(permission))
                .collect();
            assert_eq!(holders, vec![Role::Admin], "{permission}");
        }
    }

    #[test]
    fn names_round_trip_and_serde_uses_them() {
        for role in Role::ALL {
            assert_eq!(Role::from_name(role.name()), Some(role));
            let json = serde_json::to_string(&role).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", role.name()));
        }
        for permission in Permission::ALL {
            let json = serde_json::to_string(&permission).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", permission.name()));
        }
        assert_eq!(Role::from_name("root"), None);
    }

    #[test]
    fn require_names_the_missing_permission() {
        let triage = Actor::new("t1", Role::Triage);
        assert!(triage.require(Permission::Escalate).is_ok());
        let err = triage.require(Permission::Decide).err();
        assert!(matches!(
            err,
            Some(crate::ReviewError::Forbidden {
                permission: Permission::Decide,
                role: Role::Triage,
                ..
            })
        ));
    }
}
