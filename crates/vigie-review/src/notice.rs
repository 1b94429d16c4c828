//! Notices with deadlines: who sends them, how long the platform has to act, the clock that
//! warns as the deadline comes near and escalates when it passes, the outcome sent back to
//! the notifier, the host-compliance report, and the retention period of cases.
//!
//! A notice names one or many posts (or an account); each opens or joins the case of its
//! content (stored as a [`crate::Notice`] on the case, so the case's priority follows the
//! nearest deadline through [`crate::Priority`]). The service drives the clock with
//! [`clock_step`] and records every step in the audit chain; this module only says what is due.
//!
//! Deadlines per kind come from [`NoticeConfig`] (e.g. one hour for an authority's removal
//! order under the TCO regulation, a day for the hosting provider) unless the notifier gives
//! one. Warnings fire when given fractions of the time between receipt and deadline have
//! elapsed (0.5 and 0.9 by default).

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::case::{Case, CaseStatus, Escalation};
use crate::config::ReviewConfig;
use crate::{MICROS_PER_DAY, MICROS_PER_MINUTE, Micros};

/// Who sent a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotifierKind {
    /// A user of the platform (DSA Art. 16).
    User,
    /// A trusted flagger (DSA Art. 22).
    TrustedFlagger,
    /// A judicial or administrative authority (removal orders).
    Authority,
    /// The platform's hosting provider, under its acceptable-use policy.
    HostingProvider,
    Other,
}

impl NotifierKind {
    pub const ALL: [NotifierKind; 5] = [
        NotifierKind::User,
        NotifierKind::TrustedFlagger,
        NotifierKind::Authority,
        NotifierKind::HostingProvider,
        NotifierKind::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NotifierKind::User => "user",
            NotifierKind::TrustedFlagger => "trusted_flagger",
            NotifierKind::Authority => "authority",
            NotifierKind::HostingProvider => "hosting_provider",
            NotifierKind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<NotifierKind> {
        NotifierKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Notifiers of these kinds send notices with their own keys: their word weighs more
    /// (shorter deadlines, threat-to-life flags), so nobody else may speak for them.
    pub fn needs_own_key(self) -> bool {
        matches!(
            self,
            NotifierKind::TrustedFlagger | NotifierKind::Authority | NotifierKind::HostingProvider
        )
    }
}

impl std::fmt::Display for NotifierKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Default deadlines per kind, in minutes after receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DeadlineMinutes {
    pub user: u64,
    pub trusted_flagger: u64,
    pub authority: u64,
    pub hosting_provider: u64,
    pub other: u64,
}

impl Default for DeadlineMinutes {
    fn default() -> Self {
        DeadlineMinutes {
            user: 7 * 24 * 60,
            trusted_flagger: 24 * 60,
            authority: 60,
            hosting_provider: 24 * 60,
            other: 7 * 24 * 60,
        }
    }
}

impl DeadlineMinutes {
    pub fn of(&self, kind: NotifierKind) -> u64 {
        match kind {
            NotifierKind::User => self.user,
            NotifierKind::TrustedFlagger => self.trusted_flagger,
            NotifierKind::Authority => self.authority,
            NotifierKind::HostingProvider => self.hosting_provider,
            NotifierKind::Other => self.other,
        }
    }
}

/// Longest deadline accepted, given or configured: a year.
pub const MAX_DEADLINE: Micros = 366 * MICROS_PER_DAY;

/// How notices are timed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NoticeConfig {
    pub deadline_minutes: DeadlineMinutes,
    /// Warn when these fractions of the time between receipt and deadline have elapsed.
    pub warn_at: Vec<f64>,
}

impl Default for NoticeConfig {
    fn default() -> Self {
        NoticeConfig {
            deadline_minutes: DeadlineMinutes::default(),
            warn_at: vec![0.5, 0.9],
        }
    }
}

/// Why a notice, its configuration or a retention setting is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NoticeError {
    #[error("notices.warn_at: {0}")]
    WarnAt(String),
    #[error("notices.deadline_minutes.{kind}: {detail}")]
    DefaultDeadline { kind: NotifierKind, detail: String },
    #[error("deadline: {0}")]
    Deadline(String),
    #[error(
        "retention_days is {days}: cases must be kept at least {MIN_RETENTION_DAYS} days (6 months) after their last event"
    )]
    RetentionTooShort { days: u32 },
}

impl NoticeConfig {
    /// Checks the fractions (strictly increasing, each in (0, 1)) and the default deadlines
    /// (at least a minute, at most [`MAX_DEADLINE`]).
    pub fn validate(&self) -> Result<(), NoticeError> {
        let mut previous = 0.0;
        for f in &self.warn_at {
            if !f.is_finite() || *f <= 0.0 || *f >= 1.0 {
                return Err(NoticeError::WarnAt(format!(
                    "{f} is not a fraction strictly between 0 and 1"
                )));
            }
            if *f <= previous {
                return Err(NoticeError::WarnAt(
                    "fractions must be strictly increasing, e.g. [0.5, 0.9]".into(),
                ));
            }
            previous = *f;
        }
        for kind in NotifierKind::ALL {
            let minutes = self.deadline_minutes.of(kind);
            let too_long = i64::try_from(minutes)
                .ok()
                .and_then(|m| m.checked_mul(MICROS_PER_MINUTE))
                .is_none_or(|d| d > MAX_DEADLINE);
            if minutes == 0 || too_long {
                return Err(NoticeError::DefaultDeadline {
                    kind,
                    detail: format!("{minutes} minutes is not between 1 minute and 366 days"),
                });
            }
        }
        Ok(())
    }

    /// The deadline of a notice received at `received_at`: the one the notifier gave (after
    /// receipt, within [`MAX_DEADLINE`]) or the default of its kind.
    pub fn deadline(
        &self,
        kind: NotifierKind,
        given: Option<Micros>,
        received_at: Micros,
    ) -> Result<(Micros, DeadlineSource), NoticeError> {
        match given {
            Some(d) if d <= received_at => Err(NoticeError::Deadline(
                "the deadline has already passed".into(),
            )),
            Some(d) if d - received_at > MAX_DEADLINE => Err(NoticeError::Deadline(
                "a deadline more than 366 days away is not a deadline".into(),
            )),
            Some(d) => Ok((d, DeadlineSource::Notifier)),
            None => {
                let minutes = i64::try_from(self.deadline_minutes.of(kind)).unwrap_or(i64::MAX);
                let delay = minutes.saturating_mul(MICROS_PER_MINUTE).min(MAX_DEADLINE);
                Ok((received_at.saturating_add(delay), DeadlineSource::Config))
            }
        }
    }
}

/// Where a notice's deadline came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineSource {
    /// Given in the notice.
    Notifier,
    /// The configured default of the notifier's kind.
    Config,
}

impl DeadlineSource {
    pub fn name(self) -> &'static str {
        match self {
            DeadlineSource::Notifier => "notifier",
            DeadlineSource::Config => "config",
        }
    }
}

/// Where a notice's clock stands: what it has done so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockState {
    pub received_at: Micros,
    pub deadline: Micros,
    /// How many of the `warn_at` fractions have fired (or were skipped).
    pub warnings: u32,
    pub breached: bool,
}

/// What the clock must do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockStep {
    /// Warn: this is the index (0-based) into `warn_at` of the warning to send.
    pub warning: Option<u32>,
    /// The deadline passed: escalate.
    pub breach: bool,
    /// The state after this step.
    pub state: ClockState,
    /// When the clock has something to do next (`None`: nothing left).
    pub next_at: Option<Micros>,
}

/// When the `index`-th warning is due.
pub fn warning_time(state: &ClockState, warn_at: &[f64], index: usize) -> Option<Micros> {
    let fraction = *warn_at.get(index)?;
    let span = state.deadline.saturating_sub(state.received_at).max(0) as f64;
    // span ≤ 366 days in µs (3.2e13) is exact in an f64; rounding the product is harmless.
    Some(
        state
            .received_at
            .saturating_add((span * fraction.clamp(0.0, 1.0)).round() as i64),
    )
}

/// When the clock next has something to do, `None` once breached.
pub fn next_clock_at(state: &ClockState, warn_at: &[f64]) -> Option<Micros> {
    if state.breached {
        return None;
    }
    let index = usize::try_from(state.warnings).unwrap_or(usize::MAX);
    Some(warning_time(state, warn_at, index).unwrap_or(state.deadline))
}

/// What is due at `now`. When several warnings came due at once (the service was down), only
/// the latest is sent; when the deadline passed, only the breach: a late "half the time is
/// gone" after the deadline would only confuse.
pub fn clock_step(state: &ClockState, warn_at: &[f64], now: Micros) -> ClockStep {
    let mut next = *state;
    let mut step = ClockStep {
        warning: None,
        breach: false,
        state: next,
        next_at: None,
    };
    if state.breached {
        return step;
    }
    if now >= state.deadline {
        next.breached = true;
        next.warnings = u32::try_from(warn_at.len()).unwrap_or(u32::MAX);
        step.breach = true;
    } else {
        let mut index = usize::try_from(state.warnings).unwrap_or(usize::MAX);
        while let Some(at) = warning_time(state, warn_at, index) {
            if at > now {
                break;
            }
            step.warning = u32::try_from(index).ok();
            index += 1;
        }
        next.warnings = u32::try_from(index).unwrap_or(u32::MAX);
    }
    step.state = next;
    step.next_at = next_clock_at(&next, warn_at);
    step
}

/// The actor the clock appears as in audit entries and escalations.
pub const CLOCK_ACTOR: &str = "system:notice-clock";

/// Escalates an undecided case whose notice deadline passed: it is marked escalated (priority
/// bonus, the escalated queue) and, when nobody holds it, goes back to the queues as
/// escalated. A moderator working on it keeps their claim. Returns whether anything changed
/// (decided cases and cases already escalated are left alone).
pub fn escalate_for_breach(
    case: &mut Case,
    notice_id: &str,
    config: &ReviewConfig,
    now: Micros,
) -> bool {
    if matches!(case.status, CaseStatus::Resolved | CaseStatus::Appealed) {
        return false;
    }
    if case.escalation.is_some() {
        case.reprioritize(config, now);
        return false;
    }
    case.escalation = Some(Escalation {
        by: CLOCK_ACTOR.to_string(),
        at: now,
        reason: format!("deadline of notice {notice_id} breached"),
    });
    case.expire_lease(now);
    if case.status == CaseStatus::Open {
        case.status = CaseStatus::Escalated;
    }
    case.updated_at = case.updated_at.max(now);
    case.reprioritize(config, now);
    true
}

/// The outcome of a notice from its items' actions: the action when they all agree,
/// `mixed` otherwise, `None` when there are none.
pub fn notice_outcome<'a>(actions: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut outcome: Option<&str> = None;
    for action in actions {
        match outcome {
            None => outcome = Some(action),
            Some(o) if o == action => {}
            Some(_) => return Some("mixed".to_string()),
        }
    }
    outcome.map(str::to_string)
}

/// Whether a notice was handled in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStatus {
    /// Decided on or before the deadline.
    Met,
    /// Decided after it, or still undecided after it.
    Missed,
    /// Undecided, deadline still ahead.
    Pending,
}

impl DeadlineStatus {
    pub fn of(deadline: Micros, decided_at: Option<Micros>, now: Micros) -> DeadlineStatus {
        match decided_at {
            Some(d) if d <= deadline => DeadlineStatus::Met,
            Some(_) => DeadlineStatus::Missed,
            None if now > deadline => DeadlineStatus::Missed,
            None => DeadlineStatus::Pending,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DeadlineStatus::Met => "met",
            DeadlineStatus::Missed => "missed",
            DeadlineStatus::Pending => "pending",
        }
    }
}

/// The least retention the service accepts: six months (183 days) after a case's last event.
pub const MIN_RETENTION_DAYS: u32 = 183;

/// Checks a retention period.
pub fn validate_retention_days(days: u32) -> Result<(), NoticeError> {
    if days < MIN_RETENTION_DAYS {
        return Err(NoticeError::RetentionTooShort { days });
    }
    Ok(())
}

/// Cases whose last event is before this time may be purged at `now`.
pub fn retention_cutoff(now: Micros, days: u32) -> Micros {
    now.saturating_sub(i64::from(days).saturating_mul(MICROS_PER_DAY))
}

// ---------------------------------------------------------------- host-compliance report

/// One notice in a host-compliance report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostReportRow {
    pub notice_id: String,
    pub kind: NotifierKind,
    /// Posts or accounts the notice named.
    pub items: u32,
    pub category: Option<String>,
    /// Legal ground or policy clause, as the notifier gave it.
    pub ground: Option<String>,
    pub received_at: Micros,
    pub deadline: Micros,
    pub decided_at: Option<Micros>,
    pub answered_at: Option<Micros>,
    /// When the clock escalated it (deadline passed undecided).
    pub escalated_at: Option<Micros>,
    pub deadline_status: DeadlineStatus,
    /// The action taken (`remove`, `no_action`…, `mixed`), once decided.
    pub outcome: Option<String>,
}

/// Every notice one notifier sent in a period: what a platform hands its host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostReport {
    pub notifier: String,
    pub kind: Option<NotifierKind>,
    pub from: Option<Micros>,
    pub to: Option<Micros>,
    pub generated_at: Micros,
    pub rows: Vec<HostReportRow>,
}

/// The report's totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HostReportTotals {
    pub notices: usize,
    pub met: usize,
    pub missed: usize,
    pub pending: usize,
    pub answered: usize,
}

const CSV_HEADER: [&str; 12] = [
    "notice_id",
    "kind",
    "items",
    "category",
    "ground",
    "received_at",
    "deadline",
    "decided_at",
    "answered_at",
    "escalated_at",
    "deadline_status",
    "outcome",
];

impl HostReport {
    pub fn totals(&self) -> HostReportTotals {
        let mut t = HostReportTotals {
            notices: self.rows.len(),
            ..HostReportTotals::default()
        };
        for row in &self.rows {
            match row.deadline_status {
                DeadlineStatus::Met => t.met += 1,
                DeadlineStatus::Missed => t.missed += 1,
                DeadlineStatus::Pending => t.pending += 1,
            }
            if row.answered_at.is_some() {
                t.answered += 1;
            }
        }
        t
    }

    /// The rows as text cells, times formatted by `time` (the store's RFC 3339 formatter).
    fn cells(row: &HostReportRow, time: &dyn Fn(Micros) -> String) -> [String; 12] {
        let opt_time = |t: Option<Micros>| t.map(time).unwrap_or_default();
        [
            row.notice_id.clone(),
            row.kind.name().to_string(),
            row.items.to_string(),
            row.category.clone().unwrap_or_default(),
            row.ground.clone().unwrap_or_default(),
            time(row.received_at),
            time(row.deadline),
            opt_time(row.decided_at),
            opt_time(row.answered_at),
            opt_time(row.escalated_at),
            row.deadline_status.name().to_string(),
            row.outcome.clone().unwrap_or_default(),
        ]
    }

    /// RFC 4180 CSV, one line per notice. Written here rather than with the `csv` crate: the
    /// quoting rule is three lines and this pure crate then needs no extra dependency.
    pub fn to_csv(&self, time: &dyn Fn(Micros) -> String) -> String {
        let mut out = String::new();
        push_csv_line(&mut out, &CSV_HEADER.map(str::to_string));
        for row in &self.rows {
            push_csv_line(&mut out, &Self::cells(row, time));
        }
        out
    }

    /// A self-contained HTML page (no scripts, no external resources).
    pub fn to_html(&self, time: &dyn Fn(Micros) -> String) -> String {
        let t = self.totals();
        let period = format!(
            "{} — {}",
            self.from.map(time).unwrap_or_else(|| "start".into()),
            self.to.map(time).unwrap_or_else(|| "now".into())
        );
        let mut out = String::with_capacity(2048 + 512 * self.rows.len());
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.push_str(&format!(
            "<title>Host-compliance report: {}</title>",
            escape_html(&self.notifier)
        ));
        out.push_str(
            "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}\
             th,td{border:1px solid #ccc;padding:4px 8px;font-size:13px;text-align:left}\
             th{background:#f2f2f2}.met{color:#1a7f37}.missed{color:#cf222e;font-weight:bold}\
             .pending{color:#9a6700}</style></head><body>\n",
        );
        out.push_str(&format!(
            "<h1>Host-compliance report</h1>\n<p>Notifier: <b>{}</b>{}<br>Period: {}<br>Generated: {}</p>\n",
            escape_html(&self.notifier),
            self.kind
                .map(|k| format!(" ({})", k.name()))
                .unwrap_or_default(),
            escape_html(&period),
            escape_html(&time(self.generated_at)),
        ));
        out.push_str(&format!(
            "<p>{} notices: {} deadlines met, {} missed, {} pending; {} answered.</p>\n",
            t.notices, t.met, t.missed, t.pending, t.answered
        ));
        out.push_str("<table>\n<tr>");
        for h in CSV_HEADER {
            out.push_str(&format!("<th>{}</th>", escape_html(&h.replace('_', " "))));
        }
        out.push_str("</tr>\n");
        for row in &self.rows {
            out.push_str("<tr>");
            for (i, cell) in Self::cells(row, time).iter().enumerate() {
                if i == 10 {
                    out.push_str(&format!(
                        "<td class=\"{}\">{}</td>",
                        row.deadline_status.name(),
                        escape_html(cell)
                    ));
                } else {
                    out.push_str(&format!("<td>{}</td>", escape_html(cell)));
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n</body></html>\n");
        out
    }
}

fn push_csv_line(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

/// Escapes text for HTML element content and attribute values (written here: five
/// replacements do not justify a dependency in a pure crate).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Notice, Subject};
    use crate::{MICROS_PER_HOUR, MICROS_PER_SECOND};

    const T0: Micros = 1_800_000_000 * MICROS_PER_SECOND;

    fn state(deadline_hours: i64) -> ClockState {
        ClockState {
            received_at: T0,
            deadline: T0 + deadline_hours * MICROS_PER_HOUR,
            warnings: 0,
            breached: false,
        }
    }

    #[test]
    fn kinds_round_trip_by_name() {
        for kind in NotifierKind::ALL {
            assert_eq!(NotifierKind::from_name(kind.name()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.name()));
        }
        assert_eq!(NotifierKind::from_name("police"), None);
        assert!(NotifierKind::Authority.needs_own_key());
        assert!(!NotifierKind::User.needs_own_key());
    }

    #[test]
    fn deadlines_come_from_the_notice_or_the_kind() {
        let config = NoticeConfig::default();
        let (d, source) = config
            .deadline(NotifierKind::Authority, None, T0)
            .unwrap_or((0, DeadlineSource::Notifier));
        assert_eq!((d, source), (T0 + MICROS_PER_HOUR, DeadlineSource::Config));
        let (d, _) = config
            .deadline(NotifierKind::HostingProvider, None, T0)
            .unwrap_or((0, DeadlineSource::Notifier));
        assert_eq!(d, T0 + 24 * MICROS_PER_HOUR);
        let given = T0 + 3 * MICROS_PER_HOUR;
        assert_eq!(
            config.deadline(NotifierKind::User, Some(given), T0),
            Ok((given, DeadlineSource::Notifier))
        );
        assert!(config.deadline(NotifierKind::User, Some(T0), T0).is_err());
        assert!(
            config
                .deadline(NotifierKind::User, Some(T0 + 400 * MICROS_PER_DAY), T0)
                .is_err()
        );
    }

    #[test]
    fn configs_are_checked() {
        assert_eq!(NoticeConfig::default().validate(), Ok(()));
        for warn_at in [vec![0.9, 0.5], vec![0.0], vec![1.0], vec![f64::NAN]] {
            let c = NoticeConfig {
                warn_at,
                ..NoticeConfig::default()
            };
            assert!(matches!(c.validate(), Err(NoticeError::WarnAt(_))));
        }
        let mut c = NoticeConfig::default();
        c.deadline_minutes.authority = 0;
        assert!(matches!(
            c.validate(),
            Err(NoticeError::DefaultDeadline {
                kind: NotifierKind::Authority,
                ..
            })
        ));
        c.deadline_minutes.authority = u64::MAX;
        assert!(c.validate().is_err());
        let parsed: Result<NoticeConfig, _> =
            toml::from_str("warn_at = [0.75]\n[deadline_minutes]\nauthority = 30\n");
        let parsed = parsed.unwrap_or_default();
        assert_eq!(parsed.warn_at, vec![0.75]);
        assert_eq!(parsed.deadline_minutes.authority, 30);
        assert_eq!(parsed.deadline_minutes.hosting_provider, 24 * 60);
    }

    #[test]
    fn the_clock_warns_then_breaches() {
        let warn_at = [0.5, 0.9];
        let s = state(24);
        assert_eq!(next_clock_at(&s, &warn_at), Some(T0 + 12 * MICROS_PER_HOUR));
        // Nothing due before half-time.
        let quiet = clock_step(&s, &warn_at, T0 + 11 * MICROS_PER_HOUR);
        assert_eq!((quiet.warning, quiet.breach), (None, false));
        assert_eq!(quiet.state, s);
        // At half-time the first warning.
        let first = clock_step(&s, &warn_at, T0 + 12 * MICROS_PER_HOUR);
        assert_eq!((first.warning, first.breach), (Some(0), false));
        assert_eq!(first.state.warnings, 1);
        let at_90 = T0 + (24 * MICROS_PER_HOUR * 9) / 10;
        assert_eq!(first.next_at, Some(at_90));
        // The second, then the breach at the deadline.
        let second = clock_step(&first.state, &warn_at, at_90);
        assert_eq!(second.warning, Some(1));
        assert_eq!(second.next_at, Some(s.deadline));
        let breach = clock_step(&second.state, &warn_at, s.deadline);
        assert_eq!((breach.warning, breach.breach), (None, true));
        assert_eq!(breach.next_at, None);
        // Nothing more after the breach.
        let after = clock_step(&breach.state, &warn_at, s.deadline + MICROS_PER_DAY);
        assert_eq!((after.warning, after.breach), (None, false));
    }

    #[test]
    fn a_late_clock_sends_only_the_latest_warning_or_the_breach() {
        let warn_at = [0.5, 0.9];
        let s = state(10);
        let both_due = clock_step(&s, &warn_at, T0 + 95 * MICROS_PER_HOUR / 10);
        assert_eq!(both_due.warning, Some(1));
        assert_eq!(both_due.state.warnings, 2);
        let past = clock_step(&s, &warn_at, T0 + 11 * MICROS_PER_HOUR);
        assert_eq!((past.warning, past.breach), (None, true));
        // Without warnings the clock only breaches.
        assert_eq!(next_clock_at(&s, &[]), Some(s.deadline));
    }

    fn notice_case(now: Micros) -> Case {
        let config = ReviewConfig::default();
        Case::from_notice(
            "c1",
            Subject::Post {
                platform: "forum".into(),
                post_id: "p1".into(),
                author: None,
            },
            Notice {
                id: "n1".into(),
                authority: "host".into(),
                reference: None,
                received_at: now,
                deadline: now + MICROS_PER_HOUR,
                threat_to_life: false,
            },
            &config,
            now,
        )
    }

    #[test]
    fn a_breach_escalates_undecided_cases_once() {
        let config = ReviewConfig::default();
        let mut case = notice_case(T0);
        let before = case.priority.score;
        let late = T0 + 2 * MICROS_PER_HOUR;
        assert!(escalate_for_breach(&mut case, "n1", &config, late));
        assert_eq!(case.status, CaseStatus::Escalated);
        assert_eq!(
            case.escalation.as_ref().map(|e| e.by.as_str()),
            Some(CLOCK_ACTOR)
        );
        // Overdue (+400) and escalated (+100) instead of "within a day" (+50).
        assert!(case.priority.score > before);
        // Not a threat to life, yet it belongs in the urgent queue now.
        assert!(!case.is_threat_to_life());
        assert!(case.deadline_breached() && case.priority.urgent);
        assert!(case.columns().urgent);
        assert!(!escalate_for_breach(&mut case, "n1", &config, late + 1));
        let mut done = notice_case(T0);
        done.status = CaseStatus::Resolved;
        assert!(!escalate_for_breach(&mut done, "n1", &config, late));
        assert!(done.escalation.is_none());
        assert!(!done.priority.urgent);
        // A moderator's escalation alone does not make a case urgent.
        let mut escalated = notice_case(T0);
        escalated.escalation = Some(Escalation {
            by: "tina".into(),
            at: T0,
            reason: "look".into(),
        });
        escalated.reprioritize(&config, T0);
        assert!(!escalated.deadline_breached() && !escalated.priority.urgent);
    }

    #[test]
    fn outcomes_and_deadline_statuses() {
        assert_eq!(notice_outcome(["remove", "remove"]), Some("remove".into()));
        assert_eq!(
            notice_outcome(["remove", "no_action"]),
            Some("mixed".into())
        );
        assert_eq!(notice_outcome(Vec::<&str>::new()), None);
        assert_eq!(DeadlineStatus::of(10, Some(10), 99), DeadlineStatus::Met);
        assert_eq!(DeadlineStatus::of(10, Some(11), 99), DeadlineStatus::Missed);
        assert_eq!(DeadlineStatus::of(10, None, 11), DeadlineStatus::Missed);
        assert_eq!(DeadlineStatus::of(10, None, 9), DeadlineStatus::Pending);
    }

    #[test]
    fn retention_is_at_least_six_months() {
        assert!(validate_retention_days(182).is_err());
        assert!(validate_retention_days(183).is_ok());
        assert_eq!(retention_cutoff(T0, 200), T0 - 200 * MICROS_PER_DAY);
        assert_eq!(retention_cutoff(i64::MIN, 200), i64::MIN);
    }

    #[test]
    fn the_report_renders_as_csv_and_html() {
        let row = |id: &str, decided: Option<Micros>, outcome: Option<&str>| HostReportRow {
            notice_id: id.into(),
            kind: NotifierKind::HostingProvider,
            items: 2,
            category: Some("hate".into()),
            ground: Some("AUP §3, \"hate\"".into()),
            received_at: 0,
            deadline: 10,
            decided_at: decided,
            answered_at: decided,
            escalated_at: None,
            deadline_status: DeadlineStatus::of(10, decided, 20),
            outcome: outcome.map(str::to_string),
        };
        let report = HostReport {
            notifier: "<host>".into(),
            kind: Some(NotifierKind::HostingProvider),
            from: None,
            to: None,
            generated_at: 20,
            rows: vec![
                row("n1", Some(5), Some("remove")),
                row("n2", Some(15), Some("no_action")),
                row("n3", None, None),
            ],
        };
        let t = report.totals();
        assert_eq!((t.notices, t.met, t.missed, t.answered), (3, 1, 2, 2));
        let time = |m: Micros| format!("t{m}");
        let csv = report.to_csv(&time);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("notice_id,kind,items"));
        assert!(lines[0].contains("deadline_status"));
        assert_eq!(
            lines[1],
            "n1,hosting_provider,2,hate,\"AUP §3, \"\"hate\"\"\",t0,t10,t5,t5,,met,remove"
        );
        assert!(lines[3].ends_with(",,,,missed,"));
        let html = report.to_html(&time);
        assert!(html.contains("&lt;host&gt;"));
        assert!(!html.contains("<host>"));
        assert!(html.contains("<td class=\"missed\">missed</td>"));
        assert_eq!(html.matches("<tr>").count(), 4);
    }
}
