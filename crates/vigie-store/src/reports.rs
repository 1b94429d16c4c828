//! The transparency report's figures for a period, from the stored decisions, cases and
//! notices.
//!
//! Automated decisions and notices are counted in SQL (`GROUP BY` on indexed time ranges; the
//! category is read from the decision's JSON with the engine's own JSON function). Moderators'
//! decisions and appeals live inside each case's JSON: the cases changed in the period are
//! read once and counted here, and the percentiles are computed over the durations SQL
//! returns, since SQLite has no percentile function.

use std::collections::BTreeMap;

use vigie_report::figures::{AppealFigures, Count, Durations, NoticeFigures};
use vigie_report::{DetectionSource, Figures};
use vigie_review::{AppealOutcome, Case, ModeratorAction};

use crate::{Backend, QueryContext, Result, Store, StoreError, format_time, get};

fn category_label(key: &str) -> String {
    match key {
        "hate" => "Hate".into(),
        "violence_threat" => "Violent threats".into(),
        "incitement" => "Incitement to violence".into(),
        "harassment" => "Harassment".into(),
        "toxicity" => "Toxicity".into(),
        "profanity" => "Profanity".into(),
        "sexual" => "Sexual content".into(),
        "self_harm" => "Self-harm".into(),
        "none" => "No category".into(),
        other => other.to_string(),
    }
}

fn action_label(key: &str) -> String {
    let (by, action) = key.split_once('.').unwrap_or(("", key));
    let what = match action {
        "label" => "Labelled",
        "demote" => "Demoted",
        "hold_for_review" => "Withheld for review",
        "remove" => "Removed",
        "escalate_urgent" => "Removed, urgent",
        "age_restrict" => "Age-restricted",
        "suspend_account" => "Account suspended",
        "terminate_account" => "Account terminated",
        other => other,
    };
    match by {
        "automated" => format!("{what} (automated)"),
        "moderator" => format!("{what} (moderator)"),
        _ => what.to_string(),
    }
}

fn counts(map: BTreeMap<String, u64>, label: impl Fn(&str) -> String) -> Vec<Count> {
    let mut out: Vec<Count> = map
        .into_iter()
        .map(|(k, n)| Count::new(k.clone(), label(&k), n))
        .collect();
    // Largest first; ties by key so the order is stable.
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    out
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl Store {
    /// The figures of the transparency report for `[from, to)` (unix µs).
    pub async fn transparency_figures(&self, from: i64, to: i64) -> Result<Figures> {
        if to <= from {
            return Err(StoreError::Invalid {
                what: "report period",
                detail: "the end must come after the start".into(),
            });
        }
        let pool = self.pool();
        let posts_decided: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM decisions WHERE created_at >= $1 AND created_at < $2",
        )
        .bind(from)
        .bind(to)
        .fetch_one(pool)
        .await
        .ctx("counting decisions")?;

        let category_expr = match self.backend() {
            Backend::Sqlite => "json_extract(decision, '$.category')",
            Backend::Postgres => "(decision::json ->> 'category')",
        };
        // Safe: the text holds only fixed fragments and placeholders; every value is bound.
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT action, COALESCE({category_expr}, 'none') AS category, COUNT(*) AS n
             FROM decisions WHERE created_at >= $1 AND created_at < $2 AND action <> 'allow'
             GROUP BY action, COALESCE({category_expr}, 'none')"
        )))
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await
        .ctx("counting automated restrictions")?;
        let mut by_category: BTreeMap<String, u64> = BTreeMap::new();
        let mut by_action: BTreeMap<String, u64> = BTreeMap::new();
        let mut by_source: BTreeMap<String, u64> = BTreeMap::new();
        let mut automated = 0u64;
        for row in &rows {
            let action: String = get(row, "action")?;
            let category: String = get(row, "category")?;
            let n = count(get(row, "n")?);
            automated += n;
            *by_category.entry(category).or_default() += n;
            *by_action.entry(format!("automated.{action}")).or_default() += n;
        }
        if automated > 0 {
            by_source.insert(DetectionSource::Automated.name().to_string(), automated);
        }

        // Moderators' decisions and appeals, from the cases changed since the period began.
        let rows = sqlx::query("SELECT body FROM cases WHERE updated_at >= $1")
            .bind(from)
            .fetch_all(pool)
            .await
            .ctx("reading cases for the report")?;
        let mut cases = Vec::new();
        for row in &rows {
            let body: String = get(row, "body")?;
            let case: Case = serde_json::from_str(&body).map_err(|e| StoreError::Corrupt {
                what: "case",
                detail: e.to_string(),
            })?;
            let decided_in = case
                .decisions
                .iter()
                .any(|d| d.decided_at >= from && d.decided_at < to);
            let appealed_in = case
                .appeals
                .iter()
                .any(|a| a.filed_at >= from && a.filed_at < to);
            if decided_in || appealed_in {
                cases.push(case);
            }
        }
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        let notices = self.notices_of_cases(&ids).await?;
        let mut human = 0u64;
        let mut to_action = Vec::new();
        let mut appeals = AppealFigures::default();
        for case in &cases {
            let overridden: Vec<&str> = case
                .decisions
                .iter()
                .filter_map(|d| d.overrides.as_deref())
                .collect();
            let effective: Vec<_> = case
                .decisions
                .iter()
                .filter(|d| !overridden.contains(&d.id.as_str()))
                .collect();
            if let Some(first) = effective.first()
                && first.decided_at >= from
                && first.decided_at < to
            {
                to_action.push(first.decided_at - case.created_at);
            }
            let source = crate::sor::case_source(
                case,
                notices
                    .get(case.id.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]),
            );
            for d in effective
                .iter()
                .filter(|d| d.decided_at >= from && d.decided_at < to && d.action.is_adverse())
            {
                if d.action == ModeratorAction::Warn {
                    continue;
                }
                human += 1;
                let category = d
                    .categories
                    .first()
                    .copied()
                    .or_else(|| case.automated.as_ref().and_then(|a| a.category))
                    .map(|c| c.name())
                    .unwrap_or("none");
                *by_category.entry(category.to_string()).or_default() += 1;
                let action = match d.action {
                    ModeratorAction::SuspendAccount { until: None } => "terminate_account",
                    other => other.name(),
                };
                *by_action.entry(format!("moderator.{action}")).or_default() += 1;
                *by_source.entry(source.name().to_string()).or_default() += 1;
            }
            for a in case
                .appeals
                .iter()
                .filter(|a| a.filed_at >= from && a.filed_at < to)
            {
                appeals.filed += 1;
                match a.outcome {
                    Some(AppealOutcome::Upheld) => appeals.upheld += 1,
                    Some(AppealOutcome::Reversed) => appeals.reversed += 1,
                    None => appeals.pending += 1,
                }
            }
        }

        let notices = self.notice_figures(from, to).await?;
        let source_label = |k: &str| DetectionSource::from_notifier_kind(k).label().to_string();
        Ok(Figures {
            from: format_time(from),
            to: format_time(to),
            posts_decided: count(posts_decided),
            restrictions: automated + human,
            automated_restrictions: automated,
            human_restrictions: human,
            by_category: counts(by_category, category_label),
            by_source: counts(by_source, source_label),
            by_action: counts(by_action, action_label),
            time_to_action: Durations::from_micros(to_action),
            notices,
            appeals,
        })
    }

    /// Notices received in `[from, to)`: how many, decided, deadlines met or missed (decided
    /// late, or undecided past the deadline at the end of the period), by notifier kind.
    async fn notice_figures(&self, from: i64, to: i64) -> Result<NoticeFigures> {
        let pool = self.pool();
        let row = sqlx::query(
            "SELECT COUNT(*) AS received,
                COALESCE(SUM(CASE WHEN decided_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS decided,
                COALESCE(SUM(CASE WHEN decided_at IS NOT NULL AND deadline_met = 1 THEN 1 ELSE 0 END), 0) AS met,
                COALESCE(SUM(CASE WHEN (decided_at IS NOT NULL AND deadline_met = 0)
                    OR (decided_at IS NULL AND (breached_at IS NOT NULL OR deadline < $3)) THEN 1 ELSE 0 END), 0) AS missed
             FROM notices WHERE received_at >= $1 AND received_at < $2",
        )
        .bind(from)
        .bind(to)
        .bind(to)
        .fetch_one(pool)
        .await
        .ctx("counting notices")?;
        let received = count(get(&row, "received")?);
        let decided = count(get(&row, "decided")?);
        let met = count(get(&row, "met")?);
        let missed = count(get(&row, "missed")?);
        let rows = sqlx::query(
            "SELECT kind, COUNT(*) AS n FROM notices WHERE received_at >= $1 AND received_at < $2
             GROUP BY kind",
        )
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await
        .ctx("counting notices by kind")?;
        let mut by_kind = BTreeMap::new();
        for row in &rows {
            by_kind.insert(get::<String>(row, "kind")?, count(get(row, "n")?));
        }
        let durations: Vec<i64> = sqlx::query_scalar(
            "SELECT decided_at - received_at FROM notices
             WHERE received_at >= $1 AND received_at < $2 AND decided_at IS NOT NULL",
        )
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await
        .ctx("reading notice durations")?;
        Ok(NoticeFigures {
            received,
            decided,
            deadlines_met: met,
            deadlines_missed: missed,
            pending: received.saturating_sub(met + missed),
            by_kind: counts(by_kind, |k| {
                DetectionSource::from_notifier_kind(k).label().to_string()
            }),
            time_to_decision: Durations::from_micros(durations),
        })
    }
}
