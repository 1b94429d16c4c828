//! Cases and their status machine.
//!
//! A [`Case`] gathers a [`Subject`] (a post or an account), the automated decision about it,
//! the reports and notices received, and everything moderators did. Its status:
//!
//! | from | transition | to |
//! |---|---|---|
//! | open, escalated | [`Case::claim`] (moderator) | assigned |
//! | assigned | [`Case::release`], lease expiry ([`Case::expire_lease`]) | open, or escalated if it was |
//! | open, assigned (by its holder) | [`Case::escalate`] (triage, moderator) | escalated |
//! | assigned (by its holder) | [`Case::decide`] | resolved, or pending_second_review |
//! | pending_second_review | [`Case::claim`] then [`Case::second_review`] by another moderator | resolved |
//! | resolved (adverse decision) | [`Case::appeal`] by the author | appealed |
//! | appealed | [`Case::assign_appeal`], then [`Case::resolve_appeal`] (upheld / reversed) | resolved |
//!
//! Every transition is a method that checks it is legal (status, role, lease, who decided
//! before) and returns a typed [`ReviewError`] otherwise; on error the case is unchanged.
//! Transitions that must change something on the platform return [`Effect`]s.
//! Appeals are assigned ([`Case::assign_appeal`]) rather than claimed.

use serde::{Deserialize, Serialize};
use vigie_detect::{Category, Target};
use vigie_policy::{Action, Decision};

use crate::appeal::{Appeal, AppealOutcome, ReviewerCandidate, assign_appeal_reviewer};
use crate::config::ReviewConfig;
use crate::decision::{
    DecideOutcome, DecisionInput, Effect, ModeratorAction, ModeratorDecision, SecondReviewVerdict,
};
use crate::lease::{self, Lease, LeaseConfig};
use crate::priority::{FLAG_SCORE, Priority};
use crate::roles::{Actor, Permission};
use crate::webhook::{EventType, WebhookEvent};
use crate::{MICROS_PER_DAY, Micros, ReviewError};

/// What a case is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Subject {
    Post {
        platform: String,
        post_id: String,
        #[serde(default)]
        author: Option<String>,
    },
    Account {
        platform: String,
        account_id: String,
    },
}

impl Subject {
    /// Who is answerable for the subject: the post's author, or the account itself.
    pub fn author(&self) -> Option<&str> {
        match self {
            Subject::Post { author, .. } => author.as_deref(),
            Subject::Account { account_id, .. } => Some(account_id),
        }
    }

    pub fn is_post(&self) -> bool {
        matches!(self, Subject::Post { .. })
    }
}

/// How a case came to review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// vigie's automated decision asked for review (any action other than allow).
    Automated,
    /// Users reported it.
    Report,
    /// An authority or trusted flagger sent a notice (with a deadline).
    Notice,
}

/// A user's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    #[serde(default)]
    pub reporter: Option<String>,
    /// The category the reporter chose, if the form maps to one.
    #[serde(default)]
    pub category: Option<Category>,
    #[serde(default)]
    pub reason: Option<String>,
    pub received_at: Micros,
}

/// A notice from an authority or trusted flagger, with the deadline to act on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: String,
    pub authority: String,
    #[serde(default)]
    pub reference: Option<String>,
    pub received_at: Micros,
    pub deadline: Micros,
    /// The notice reports an imminent threat to someone's life.
    #[serde(default)]
    pub threat_to_life: bool,
}

/// Who escalated a case, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Escalation {
    pub by: String,
    pub at: Micros,
    pub reason: String,
}

/// Where a case is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    Assigned,
    Escalated,
    PendingSecondReview,
    Resolved,
    Appealed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::Open,
        CaseStatus::Assigned,
        CaseStatus::Escalated,
        CaseStatus::PendingSecondReview,
        CaseStatus::Resolved,
        CaseStatus::Appealed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Assigned => "assigned",
            CaseStatus::Escalated => "escalated",
            CaseStatus::PendingSecondReview => "pending_second_review",
            CaseStatus::Resolved => "resolved",
            CaseStatus::Appealed => "appealed",
        }
    }

    pub fn from_name(name: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl std::fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The columns of a case that queues filter and sort on: what the store keeps beside the
/// case's JSON (and indexes), so that its SQL and [`crate::QueueFilter::matches`] agree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseColumns {
    pub status: CaseStatus,
    /// "other" when unknown.
    pub lang: String,
    pub urgent: bool,
    pub escalated: bool,
    pub categories: Vec<Category>,
    pub sources: Vec<Source>,
    pub priority: i64,
    pub created_at: Micros,
    pub lease_holder: Option<String>,
    pub lease_expires_at: Option<Micros>,
    pub author: Option<String>,
}

/// A case under review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub subject: Subject,
    /// Language of the content ("en", "fr", "other"), from the automated decision.
    #[serde(default)]
    pub lang: Option<String>,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub status: CaseStatus,
    /// vigie's automated decision, with its scores, evidence and targets.
    #[serde(default)]
    pub automated: Option<Decision>,
    /// How many people the content can reach.
    #[serde(default)]
    pub reach: Option<u64>,
    #[serde(default)]
    pub reports: Vec<Report>,
    #[serde(default)]
    pub notices: Vec<Notice>,
    #[serde(default)]
    pub lease: Option<Lease>,
    #[serde(default)]
    pub escalation: Option<Escalation>,
    /// A first decision waiting for a second moderator.
    #[serde(default)]
    pub pending: Option<ModeratorDecision>,
    /// Decisions that took effect, and first decisions a second review overrode, in order.
    #[serde(default)]
    pub decisions: Vec<ModeratorDecision>,
    #[serde(default)]
    pub appeals: Vec<Appeal>,
    /// Number of decisions ever drafted on this case (ids are `{case}/d{n}`).
    #[serde(default)]
    pub decision_seq: u32,
    #[serde(default)]
    pub priority: Priority,
}

impl Case {
    fn empty(id: &str, subject: Subject, now: Micros) -> Case {
        Case {
            id: id.to_string(),
            subject,
            lang: None,
            created_at: now,
            updated_at: now,
            status: CaseStatus::Open,
            automated: None,
            reach: None,
            reports: Vec::new(),
            notices: Vec::new(),
            lease: None,
            escalation: None,
            pending: None,
            decisions: Vec::new(),
            appeals: Vec::new(),
            decision_seq: 0,
            priority: Priority::default(),
        }
    }

    /// A case for a post vigie decided on; the priority is computed with `config`.
    pub fn from_decision(
        id: &str,
        platform: &str,
        author: Option<&str>,
        decision: Decision,
        reach: Option<u64>,
        config: &ReviewConfig,
        now: Micros,
    ) -> Case {
        let subject = Subject::Post {
            platform: platform.to_string(),
            post_id: decision.post_id.clone(),
            author: author.map(str::to_string),
        };
        let mut case = Case::empty(id, subject, now);
        case.lang = Some(decision.lang.to_string());
        case.automated = Some(decision);
        case.reach = reach;
        case.reprioritize(config, now);
        case
    }

    /// A case opened by a user's report.
    pub fn from_report(
        id: &str,
        subject: Subject,
        report: Report,
        config: &ReviewConfig,
        now: Micros,
    ) -> Case {
        let mut case = Case::empty(id, subject, now);
        case.reports.push(report);
        case.reprioritize(config, now);
        case
    }

    /// A case opened by a notice.
    pub fn from_notice(
        id: &str,
        subject: Subject,
        notice: Notice,
        config: &ReviewConfig,
        now: Micros,
    ) -> Case {
        let mut case = Case::empty(id, subject, now);
        case.notices.push(notice);
        case.reprioritize(config, now);
        case
    }

    /// Adds a report (in any status: a report on a resolved case is kept for the record but
    /// does not reopen it — the platform reopens by appeal, or opens a new case).
    pub fn add_report(&mut self, report: Report, config: &ReviewConfig, now: Micros) {
        self.reports.push(report);
        self.touch(config, now);
    }

    pub fn add_notice(&mut self, notice: Notice, config: &ReviewConfig, now: Micros) {
        self.notices.push(notice);
        self.touch(config, now);
    }

    /// Recomputes [`Case::priority`] at `now` (deadlines move with time).
    pub fn reprioritize(&mut self, config: &ReviewConfig, now: Micros) -> &Priority {
        self.priority = Priority::compute(self, &config.priority, now);
        &self.priority
    }

    fn touch(&mut self, config: &ReviewConfig, now: Micros) {
        self.updated_at = self.updated_at.max(now);
        self.reprioritize(config, now);
    }

    /// The columns queues filter on (see [`CaseColumns`]).
    pub fn columns(&self) -> CaseColumns {
        CaseColumns {
            status: self.status,
            lang: self.lang.clone().unwrap_or_else(|| "other".to_string()),
            urgent: self.priority.urgent,
            escalated: self.escalation.is_some(),
            categories: self.flagged_categories(),
            sources: self.sources(),
            priority: self.priority.score,
            created_at: self.created_at,
            lease_holder: self.lease.as_ref().map(|l| l.holder.clone()),
            lease_expires_at: self.lease.as_ref().map(|l| l.expires_at),
            author: self.subject.author().map(str::to_string),
        }
    }

    /// The sources of the case, in a fixed order.
    pub fn sources(&self) -> Vec<Source> {
        let mut sources = Vec::with_capacity(3);
        if self
            .automated
            .as_ref()
            .is_some_and(|d| d.action != Action::Allow)
        {
            sources.push(Source::Automated);
        }
        if !self.reports.is_empty() {
            sources.push(Source::Report);
        }
        if !self.notices.is_empty() {
            sources.push(Source::Notice);
        }
        sources
    }

    /// Reports counted once per reporter (anonymous reports count one each).
    pub fn distinct_reports(&self) -> usize {
        let mut reporters: Vec<&str> = self
            .reports
            .iter()
            .filter_map(|r| r.reporter.as_deref())
            .collect();
        let anonymous = self.reports.len() - reporters.len();
        reporters.sort_unstable();
        reporters.dedup();
        reporters.len() + anonymous
    }

    /// Categories flagged on the case: the automated decision's category, its categories
    /// scored at least [`FLAG_SCORE`], and the categories reporters chose; in
    /// [`Category::ALL`] order.
    pub fn flagged_categories(&self) -> Vec<Category> {
        Category::ALL
            .into_iter()
            .filter(|c| {
                self.automated.as_ref().is_some_and(|d| {
                    d.category == Some(*c)
                        || d.categories
                            .iter()
                            .any(|s| s.category == *c && s.score >= FLAG_SCORE)
                }) || self.reports.iter().any(|r| r.category == Some(*c))
            })
            .collect()
    }

    /// Threat to life: an `escalate_urgent` automated decision, a violence threat against a
    /// watchlisted person, or a notice that says so.
    pub fn is_threat_to_life(&self) -> bool {
        let automated = self.automated.as_ref().is_some_and(|d| {
            d.action == Action::EscalateUrgent
                || (d
                    .categories
                    .iter()
                    .any(|s| s.category == Category::ViolenceThreat && s.score >= FLAG_SCORE)
                    && d.targets
                        .iter()
                        .any(|t| matches!(t, Target::Watchlisted { .. })))
        });
        automated || self.notices.iter().any(|n| n.threat_to_life)
    }

    /// A notice's deadline passed with the case undecided and the notice clock escalated it
    /// (`notice::escalate_for_breach`): the case then belongs in the urgent queue. Read from
    /// the escalation, which is stored, not from the time, so a case's queues do not change
    /// while it waits.
    pub fn deadline_breached(&self) -> bool {
        self.escalation
            .as_ref()
            .is_some_and(|e| e.by == crate::notice::CLOCK_ACTOR)
    }

    /// The earliest deadline of the notices.
    pub fn nearest_deadline(&self) -> Option<Micros> {
        self.notices.iter().map(|n| n.deadline).min()
    }

    /// Who holds the case at `now`, if anyone.
    pub fn holder(&self, now: Micros) -> Option<&str> {
        lease::active_holder(self.lease.as_ref(), now)
    }

    /// The decision in force: the last one taken, once the case is resolved or appealed.
    pub fn final_decision(&self) -> Option<&ModeratorDecision> {
        match self.status {
            CaseStatus::Resolved | CaseStatus::Appealed => self.decisions.last(),
            _ => None,
        }
    }

    /// The appeal under way, if the case is appealed.
    pub fn open_appeal(&self) -> Option<&Appeal> {
        match self.status {
            CaseStatus::Appealed => self.appeals.last(),
            _ => None,
        }
    }

    fn illegal(&self, attempted: &'static str) -> ReviewError {
        ReviewError::IllegalTransition {
            case_id: self.id.clone(),
            status: self.status,
            attempted,
        }
    }

    /// The status a case returns to when nobody holds it any more.
    fn unheld_status(&self) -> CaseStatus {
        if self.escalation.is_some() {
            CaseStatus::Escalated
        } else {
            CaseStatus::Open
        }
    }

    /// Claims the case for `config.duration_minutes`. Open, escalated and assigned cases
    /// (whose lease expired, or with [`Permission::TakeOverLease`]) become assigned to the actor;
    /// a case pending second review is claimed by the second moderator (never the first).
    pub fn claim(
        &mut self,
        actor: &Actor,
        now: Micros,
        config: &LeaseConfig,
    ) -> Result<&Lease, ReviewError> {
        let status = match self.status {
            CaseStatus::Open | CaseStatus::Escalated | CaseStatus::Assigned => CaseStatus::Assigned,
            CaseStatus::PendingSecondReview => {
                actor.require(Permission::Decide)?;
                if self
                    .pending
                    .as_ref()
                    .is_some_and(|p| p.decided_by == actor.id)
                {
                    return Err(ReviewError::SameModerator {
                        case_id: self.id.clone(),
                        actor: actor.id.clone(),
                    });
                }
                CaseStatus::PendingSecondReview
            }
            CaseStatus::Resolved | CaseStatus::Appealed => return Err(self.illegal("claim")),
        };
        let lease = lease::claim(&self.id, self.lease.as_ref(), actor, now, config)?;
        self.status = status;
        self.updated_at = self.updated_at.max(now);
        Ok(self.lease.insert(lease))
    }

    /// Extends the actor's claim.
    pub fn renew(
        &mut self,
        actor: &Actor,
        now: Micros,
        config: &LeaseConfig,
    ) -> Result<&Lease, ReviewError> {
        if !matches!(
            self.status,
            CaseStatus::Assigned | CaseStatus::PendingSecondReview
        ) {
            return Err(self.illegal("renew the claim of"));
        }
        let Some(current) = self.lease.as_ref() else {
            return Err(ReviewError::NotClaimed {
                case_id: self.id.clone(),
                actor: actor.id.clone(),
            });
        };
        let renewed = lease::renew(&self.id, current, actor, now, config)?;
        self.updated_at = self.updated_at.max(now);
        Ok(self.lease.insert(renewed))
    }

    /// Gives the case back to its queue.
    pub fn release(&mut self, actor: &Actor, now: Micros) -> Result<(), ReviewError> {
        match &self.lease {
            Some(l) if l.holder == actor.id => {}
            _ => {
                return Err(ReviewError::NotClaimed {
                    case_id: self.id.clone(),
                    actor: actor.id.clone(),
                });
            }
        }
        self.lease = None;
        if self.status == CaseStatus::Assigned {
            self.status = self.unheld_status();
        }
        self.updated_at = self.updated_at.max(now);
        Ok(())
    }

    /// Drops an expired lease (the store calls it lazily, or when listing); `true` if it did.
    pub fn expire_lease(&mut self, now: Micros) -> bool {
        if self.lease.as_ref().is_none_or(|l| l.is_active(now)) {
            return false;
        }
        self.lease = None;
        if self.status == CaseStatus::Assigned {
            self.status = self.unheld_status();
        }
        true
    }

    /// Sends the case up (urgent or senior queue). Triage may escalate unclaimed cases; a
    /// claimed case only its holder may escalate.
    pub fn escalate(
        &mut self,
        actor: &Actor,
        reason: &str,
        config: &ReviewConfig,
        now: Micros,
    ) -> Result<(), ReviewError> {
        actor.require(Permission::Escalate)?;
        match self.status {
            CaseStatus::Open => {}
            CaseStatus::Assigned => {
                if let Some(holder) = self.holder(now).filter(|h| *h != actor.id) {
                    return Err(ReviewError::LeaseHeld {
                        case_id: self.id.clone(),
                        holder: holder.to_string(),
                        expires_at: self.lease.as_ref().map_or(now, |l| l.expires_at),
                    });
                }
            }
            _ => return Err(self.illegal("escalate")),
        }
        if reason.trim().is_empty() {
            return Err(ReviewError::InvalidDecision {
                case_id: self.id.clone(),
                detail: "an escalation needs a reason".into(),
            });
        }
        self.escalation = Some(Escalation {
            by: actor.id.clone(),
            at: now,
            reason: reason.to_string(),
        });
        self.lease = None;
        self.status = CaseStatus::Escalated;
        self.touch(config, now);
        Ok(())
    }

    fn validate(&self, input: &DecisionInput, now: Micros) -> Result<(), ReviewError> {
        let invalid = |detail: &str| ReviewError::InvalidDecision {
            case_id: self.id.clone(),
            detail: detail.to_string(),
        };
        if input.reason_code.trim().is_empty() {
            return Err(invalid("a reason code is required"));
        }
        if let ModeratorAction::SuspendAccount { until: Some(t) } = input.action
            && t <= now
        {
            return Err(invalid("a suspension must end in the future"));
        }
        if !self.subject.is_post()
            && matches!(
                input.action,
                ModeratorAction::Remove
                    | ModeratorAction::Label
                    | ModeratorAction::Demote
                    | ModeratorAction::AgeRestrict
            )
        {
            return Err(invalid(
                "remove, label, demote and age_restrict apply to posts, not accounts",
            ));
        }
        if matches!(input.action, ModeratorAction::SuspendAccount { .. })
            && self.subject.author().is_none()
        {
            return Err(invalid("the post has no known author to suspend"));
        }
        Ok(())
    }

    fn draft(&mut self, actor: &Actor, input: DecisionInput, now: Micros) -> ModeratorDecision {
        let id = format!("{}/d{}", self.id, self.decision_seq);
        self.decision_seq = self.decision_seq.saturating_add(1);
        ModeratorDecision {
            id,
            decided_by: actor.id.clone(),
            decided_at: now,
            action: input.action,
            reason_code: input.reason_code,
            note: input.note,
            categories: input.categories,
            confirmed_by: None,
            overrides: None,
            reversed_at: None,
        }
    }

    /// A moderator's decision on a case they claimed. It takes effect at once, or waits for a
    /// second moderator when [`crate::SecondReviewConfig`] requires one.
    pub fn decide(
        &mut self,
        actor: &Actor,
        input: DecisionInput,
        config: &ReviewConfig,
        now: Micros,
    ) -> Result<DecideOutcome, ReviewError> {
        actor.require(Permission::Decide)?;
        match self.status {
            CaseStatus::Assigned => {}
            CaseStatus::Open | CaseStatus::Escalated => {
                return Err(ReviewError::NotClaimed {
                    case_id: self.id.clone(),
                    actor: actor.id.clone(),
                });
            }
            _ => return Err(self.illegal("decide")),
        }
        lease::require_holder(&self.id, self.lease.as_ref(), actor, now)?;
        self.validate(&input, now)?;
        let needs_second = config.second_review.requires(
            &input,
            self.is_threat_to_life(),
            self.escalation.is_some(),
            self.priority.score,
        );
        let decision = self.draft(actor, input, now);
        self.lease = None;
        self.updated_at = self.updated_at.max(now);
        if needs_second {
            self.status = CaseStatus::PendingSecondReview;
            self.pending = Some(decision.clone());
            return Ok(DecideOutcome::PendingSecondReview { decision });
        }
        let effects = self.take_effect(decision.clone(), config, now);
        Ok(DecideOutcome::Resolved { decision, effects })
    }

    /// The second moderator confirms or overrides the pending decision; either way the case is
    /// resolved.
    pub fn second_review(
        &mut self,
        actor: &Actor,
        verdict: SecondReviewVerdict,
        config: &ReviewConfig,
        now: Micros,
    ) -> Result<DecideOutcome, ReviewError> {
        actor.require(Permission::Decide)?;
        if self.status != CaseStatus::PendingSecondReview {
            return Err(self.illegal("second-review"));
        }
        let Some(pending) = self.pending.clone() else {
            return Err(self.illegal("second-review"));
        };
        if pending.decided_by == actor.id {
            return Err(ReviewError::SameModerator {
                case_id: self.id.clone(),
                actor: actor.id.clone(),
            });
        }
        lease::require_holder(&self.id, self.lease.as_ref(), actor, now)?;
        let decision = match verdict {
            SecondReviewVerdict::Confirm => {
                // The pending decision takes effect now, not when it was drafted: strikes and
                // webhooks date from when something happened on the platform.
                let mut confirmed = pending;
                confirmed.confirmed_by = Some(actor.id.clone());
                confirmed.decided_at = now;
                confirmed
            }
            SecondReviewVerdict::Override { decision: input } => {
                self.validate(&input, now)?;
                let mut replacing = self.draft(actor, input, now);
                replacing.overrides = Some(pending.id.clone());
                self.decisions.push(pending);
                replacing
            }
        };
        self.pending = None;
        self.lease = None;
        self.updated_at = self.updated_at.max(now);
        let effects = self.take_effect(decision.clone(), config, now);
        Ok(DecideOutcome::Resolved { decision, effects })
    }

    /// Records a final decision and lists what follows from it.
    fn take_effect(
        &mut self,
        decision: ModeratorDecision,
        config: &ReviewConfig,
        now: Micros,
    ) -> Vec<Effect> {
        let mut effects = Vec::with_capacity(3);
        if decision.action != ModeratorAction::NoAction {
            effects.push(Effect::ApplyAction {
                decision_id: decision.id.clone(),
                subject: self.subject.clone(),
                action: decision.action,
            });
        }
        if let Some(author) = self.subject.author()
            && let Some(strike) = config.strikes.strike_for(&self.id, author, &decision)
        {
            effects.push(Effect::AddStrike { strike });
        }
        effects.push(Effect::Notify {
            event: WebhookEvent::new(
                EventType::ActionTaken,
                &self.id,
                &self.subject,
                &decision,
                now,
            ),
        });
        self.decisions.push(decision);
        self.status = CaseStatus::Resolved;
        self.reprioritize(config, now);
        effects
    }

    /// The author appeals the decision in force.
    pub fn appeal(
        &mut self,
        appellant: &str,
        statement: &str,
        config: &ReviewConfig,
        now: Micros,
    ) -> Result<&Appeal, ReviewError> {
        if self.status != CaseStatus::Resolved {
            return Err(self.illegal("appeal"));
        }
        let Some(decision) = self.final_decision() else {
            return Err(self.illegal("appeal"));
        };
        if !decision.action.is_adverse() || decision.reversed_at.is_some() {
            return Err(ReviewError::NothingToAppeal {
                case_id: self.id.clone(),
                decision_id: decision.id.clone(),
            });
        }
        if self.subject.author() != Some(appellant) {
            return Err(ReviewError::NotAuthor {
                case_id: self.id.clone(),
                appellant: appellant.to_string(),
            });
        }
        let window = Micros::from(config.appeals.window_days) * MICROS_PER_DAY;
        if now > decision.decided_at.saturating_add(window) {
            return Err(ReviewError::AppealWindowClosed {
                case_id: self.id.clone(),
                window_days: config.appeals.window_days,
            });
        }
        if self.appeals.iter().any(|a| a.decision_id == decision.id) {
            return Err(ReviewError::AlreadyAppealed {
                case_id: self.id.clone(),
                decision_id: decision.id.clone(),
            });
        }
        let appeal = Appeal {
            id: format!("{}/a{}", self.id, self.appeals.len()),
            decision_id: decision.id.clone(),
            appellant: appellant.to_string(),
            statement: statement.to_string(),
            filed_at: now,
            assigned_to: None,
            outcome: None,
            resolved_by: None,
            resolved_at: None,
            note: None,
        };
        self.status = CaseStatus::Appealed;
        self.updated_at = self.updated_at.max(now);
        self.appeals.push(appeal);
        // Just pushed; the fallback keeps the function total.
        self.appeals.last().ok_or_else(|| self.illegal("appeal"))
    }

    /// The moderators who may not review the appeal of the decision in force: whoever made
    /// or confirmed it, and whoever made a first decision it overrode.
    pub fn appeal_excluded_reviewers(&self) -> Vec<&str> {
        let mut excluded = Vec::new();
        if let Some(d) = self.final_decision() {
            excluded.push(d.decided_by.as_str());
            if let Some(c) = &d.confirmed_by {
                excluded.push(c.as_str());
            }
            if let Some(overridden) = &d.overrides
                && let Some(first) = self.decisions.iter().find(|x| &x.id == overridden)
            {
                excluded.push(first.decided_by.as_str());
            }
        }
        excluded
    }

    /// Chooses the reviewer of the open appeal among `candidates` with
    /// [`assign_appeal_reviewer`], excluding [`Case::appeal_excluded_reviewers`].
    pub fn pick_appeal_reviewer<'a>(
        &self,
        candidates: &'a [ReviewerCandidate],
    ) -> Result<&'a ReviewerCandidate, ReviewError> {
        if self.status != CaseStatus::Appealed {
            return Err(self.illegal("assign the appeal of"));
        }
        assign_appeal_reviewer(candidates, &self.appeal_excluded_reviewers()).ok_or_else(|| {
            ReviewError::NoEligibleReviewer {
                case_id: self.id.clone(),
                candidates: candidates.len(),
            }
        })
    }

    /// Assigns the open appeal to `reviewer` (see [`crate::assign_appeal_reviewer`] to choose).
    pub fn assign_appeal(&mut self, reviewer: &Actor, now: Micros) -> Result<(), ReviewError> {
        reviewer.require(Permission::ReviewAppeals)?;
        if self.status != CaseStatus::Appealed {
            return Err(self.illegal("assign the appeal of"));
        }
        if self
            .appeal_excluded_reviewers()
            .contains(&reviewer.id.as_str())
        {
            return Err(ReviewError::SameModerator {
                case_id: self.id.clone(),
                actor: reviewer.id.clone(),
            });
        }
        if let Some(appeal) = self.appeals.last_mut() {
            appeal.assigned_to = Some(reviewer.id.clone());
        }
        self.updated_at = self.updated_at.max(now);
        Ok(())
    }

    /// A reviewer takes an appeal that waits unassigned (nobody eligible was free when it
    /// was filed): the same rules as [`Case::assign_appeal`], and an appeal already assigned
    /// stays with its reviewer.
    pub fn take_appeal(&mut self, actor: &Actor, now: Micros) -> Result<(), ReviewError> {
        if self.status != CaseStatus::Appealed {
            return Err(self.illegal("take the appeal of"));
        }
        if let Some(assigned) = self.appeals.last().and_then(|a| a.assigned_to.as_ref())
            && *assigned != actor.id
        {
            return Err(ReviewError::NotAppealReviewer {
                case_id: self.id.clone(),
                assigned_to: Some(assigned.clone()),
                actor: actor.id.clone(),
            });
        }
        self.assign_appeal(actor, now)
    }

    /// The assigned reviewer upholds or reverses the decision. A reversal returns the
    /// compensating effects: undo the action, remove its strike, notify the platform.
    pub fn resolve_appeal(
        &mut self,
        actor: &Actor,
        outcome: AppealOutcome,
        note: Option<String>,
        config: &ReviewConfig,
        now: Micros,
    ) -> Result<Vec<Effect>, ReviewError> {
        actor.require(Permission::ReviewAppeals)?;
        if self.status != CaseStatus::Appealed {
            return Err(self.illegal("resolve the appeal of"));
        }
        let assigned_to = self.appeals.last().and_then(|a| a.assigned_to.clone());
        if assigned_to.as_deref() != Some(actor.id.as_str()) {
            return Err(ReviewError::NotAppealReviewer {
                case_id: self.id.clone(),
                assigned_to,
                actor: actor.id.clone(),
            });
        }
        let Some(index) = self.decisions.len().checked_sub(1) else {
            return Err(self.illegal("resolve the appeal of"));
        };
        let mut effects = Vec::with_capacity(3);
        let decision = &mut self.decisions[index];
        match outcome {
            AppealOutcome::Upheld => {
                effects.push(Effect::Notify {
                    event: WebhookEvent::new(
                        EventType::AppealUpheld,
                        &self.id,
                        &self.subject,
                        decision,
                        now,
                    ),
                });
            }
            AppealOutcome::Reversed => {
                decision.reversed_at = Some(now);
                effects.push(Effect::UndoAction {
                    decision_id: decision.id.clone(),
                    subject: self.subject.clone(),
                    action: decision.action,
                });
                if let Some(author) = self.subject.author()
                    && config
                        .strikes
                        .strike_for(&self.id, author, decision)
                        .is_some()
                {
                    effects.push(Effect::RemoveStrike {
                        strike_id: decision.id.clone(),
                        reversed_at: now,
                    });
                }
                effects.push(Effect::Notify {
                    event: WebhookEvent::new(
                        EventType::ActionReversed,
                        &self.id,
                        &self.subject,
                        decision,
                        now,
                    ),
                });
            }
        }
        if let Some(appeal) = self.appeals.last_mut() {
            appeal.outcome = Some(outcome);
            appeal.resolved_by = Some(actor.id.clone());
            appeal.resolved_at = Some(now);
            appeal.note = note;
        }
        self.status = CaseStatus::Resolved;
        self.updated_at = self.updated_at.max(now);
        Ok(effects)
    }
}
