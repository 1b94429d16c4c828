//! The priority of a case: one number for ordering queues, and the parts it is made of so that
//! a moderator sees why ("threat to life +500, violence_threat 0.92 +276, reach 12k +82,
//! 3 reports +60, deadline in 40 min +300"). The store keeps both alongside the case.
//!
//! Parts, each configurable in [`PriorityConfig`]:
//! - **threat to life**: an `escalate_urgent` automated decision, a violence threat
//!   (score ≥ 0.5) against a watchlisted person, or a notice marked as such. It also sends the
//!   case to the urgent queue ([`Priority::urgent`]). Reports alone never make a case urgent:
//!   anyone can file them.
//! - **severity**: the highest `weight(category) × score` over the automated scores; a category
//!   only reporters named counts at half its weight.
//! - **reach**: `reach_per_decade × log10(reach)`, so 100 → 2 decades, 12k → 4.1 decades.
//! - **reports**: a fixed amount per report, capped; one reporter counts once however often
//!   they report (anonymous reports count one each).
//! - **deadline**: by the nearest notice deadline: overdue, within an hour, 4 hours, a day.
//! - **escalated**: a fixed bonus.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use vigie_detect::Category;

use crate::case::Case;
use crate::{MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, Micros};

/// Score from which a detector's category counts as flagged ("more likely than not").
pub const FLAG_SCORE: f32 = 0.5;

/// Weights of the parts of a priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PriorityConfig {
    pub threat_to_life: i64,
    /// Points of a category at score 1.0.
    pub severity: BTreeMap<Category, i64>,
    pub reach_per_decade: i64,
    pub per_report: i64,
    pub max_report_points: i64,
    pub deadline_overdue: i64,
    pub deadline_within_hour: i64,
    pub deadline_within_4_hours: i64,
    pub deadline_within_day: i64,
    pub escalated: i64,
}

impl Default for PriorityConfig {
    fn default() -> Self {
        let severity = [
            (Category::ViolenceThreat, 300),
            (Category::Incitement, 250),
            (Category::Hate, 200),
            (Category::SelfHarm, 200),
            (Category::Harassment, 150),
            (Category::Sexual, 100),
            (Category::Toxicity, 50),
            (Category::Profanity, 20),
        ]
        .into_iter()
        .collect();
        PriorityConfig {
            threat_to_life: 500,
            severity,
            reach_per_decade: 20,
            per_report: 20,
            max_report_points: 200,
            deadline_overdue: 400,
            deadline_within_hour: 300,
            deadline_within_4_hours: 150,
            deadline_within_day: 50,
            escalated: 100,
        }
    }
}

/// One part of a priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityPart {
    /// What it is, for people: "reach 12k", "deadline in 40 min".
    pub label: String,
    pub points: i64,
}

/// A case's priority, as computed at `computed_at`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Priority {
    pub score: i64,
    /// Threat to life, or a notice deadline breached: the case belongs in the urgent queue.
    pub urgent: bool,
    pub parts: Vec<PriorityPart>,
    pub computed_at: Micros,
}

impl Priority {
    /// "threat to life +500, reach 12k +82, deadline in 40 min +300"; "no priority signals"
    /// when there are no parts.
    pub fn explanation(&self) -> String {
        if self.parts.is_empty() {
            return "no priority signals".to_string();
        }
        self.parts
            .iter()
            .map(|p| format!("{} {:+}", p.label, p.points))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Computes the priority of `case` at `now`. Deadlines move with time: the store
    /// recomputes open cases with notices as their deadlines approach.
    pub fn compute(case: &Case, config: &PriorityConfig, now: Micros) -> Priority {
        Priority::compute_parts(case, config, Some(now))
    }

    /// The score without its deadline part: what does not change while a case waits. The
    /// score at `now` is this plus [`PriorityConfig::deadline_points`] of the nearest
    /// deadline, which lets the store keep the constant part in an index.
    pub fn base_score(case: &Case, config: &PriorityConfig) -> i64 {
        Priority::compute_parts(case, config, None).score
    }

    fn compute_parts(case: &Case, config: &PriorityConfig, now: Option<Micros>) -> Priority {
        let mut parts = Vec::new();
        let threat = case.is_threat_to_life();
        // A breached notice deadline also goes to the urgent queue (issue 7), without the
        // threat-to-life points: the overdue and escalated parts already rank it.
        let urgent = threat || case.deadline_breached();
        if threat {
            parts.push(PriorityPart {
                label: "threat to life".into(),
                points: config.threat_to_life,
            });
        }
        if let Some(part) = severity_part(case, config) {
            parts.push(part);
        }
        if let Some(reach) = case.reach.filter(|r| *r > 1) {
            // reach is at most 2^64, 19.3 decades: the product stays far from overflow.
            let points = (config.reach_per_decade as f64 * (reach as f64).log10()).round() as i64;
            if points != 0 {
                parts.push(PriorityPart {
                    label: format!("reach {}", human_count(reach)),
                    points,
                });
            }
        }
        let reporters = case.distinct_reports();
        if reporters > 0 {
            let count = i64::try_from(reporters).unwrap_or(i64::MAX);
            let points = config
                .per_report
                .saturating_mul(count)
                .min(config.max_report_points);
            let noun = if count == 1 { "report" } else { "reports" };
            parts.push(PriorityPart {
                label: format!("{count} {noun}"),
                points,
            });
        }
        if let (Some(now), Some(deadline)) = (now, case.nearest_deadline()) {
            let left = deadline.saturating_sub(now);
            let points = config.deadline_points(left);
            if points != 0 {
                parts.push(PriorityPart {
                    label: deadline_label(left),
                    points,
                });
            }
        }
        if case.escalation.is_some() && config.escalated != 0 {
            parts.push(PriorityPart {
                label: "escalated".into(),
                points: config.escalated,
            });
        }
        let score = parts.iter().fold(0i64, |s, p| s.saturating_add(p.points));
        Priority {
            score,
            urgent,
            parts,
            computed_at: now.unwrap_or_default(),
        }
    }
}

/// One band of time left before a deadline, worth a fixed number of points: the band holds
/// deadlines `d` with `after < d - now <= up_to` (`after = None`: no lower bound, overdue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineBand {
    pub after: Option<Micros>,
    pub up_to: Micros,
    pub points: i64,
}

impl PriorityConfig {
    /// Points for a deadline `left` microseconds away (negative: overdue).
    pub fn deadline_points(&self, left: Micros) -> i64 {
        self.deadline_bands()
            .iter()
            .find(|b| b.after.is_none_or(|a| left > a) && left <= b.up_to)
            .map_or(0, |b| b.points)
    }

    /// The bands that earn deadline points, nearest first; a deadline further than the last
    /// band's `up_to` earns none.
    pub fn deadline_bands(&self) -> [DeadlineBand; 4] {
        [
            DeadlineBand {
                after: None,
                up_to: 0,
                points: self.deadline_overdue,
            },
            DeadlineBand {
                after: Some(0),
                up_to: MICROS_PER_HOUR,
                points: self.deadline_within_hour,
            },
            DeadlineBand {
                after: Some(MICROS_PER_HOUR),
                up_to: 4 * MICROS_PER_HOUR,
                points: self.deadline_within_4_hours,
            },
            DeadlineBand {
                after: Some(4 * MICROS_PER_HOUR),
                up_to: MICROS_PER_DAY,
                points: self.deadline_within_day,
            },
        ]
    }
}

fn severity_part(case: &Case, config: &PriorityConfig) -> Option<PriorityPart> {
    let weight = |c: &Category| config.severity.get(c).copied().unwrap_or(0);
    let automated = case
        .automated
        .iter()
        .flat_map(|d| d.categories.iter())
        .map(|s| {
            let score = if s.score.is_finite() {
                s.score.clamp(0.0, 1.0)
            } else {
                0.0
            };
            let points = (weight(&s.category) as f64 * f64::from(score)).round() as i64;
            (points, format!("{} {:.2}", s.category, score))
        });
    let reported = case
        .reports
        .iter()
        .filter_map(|r| r.category)
        .map(|c| (weight(&c) / 2, format!("{c} (reported)")));
    automated
        .chain(reported)
        .filter(|(points, _)| *points > 0)
        // Highest points; on a tie the first seen (automated before reported).
        .fold(None::<(i64, String)>, |best, cur| match best {
            Some(b) if b.0 >= cur.0 => Some(b),
            _ => Some(cur),
        })
        .map(|(points, label)| PriorityPart { label, points })
}

/// 950 → "950", 12_000 → "12k", 1_250_000 → "1.2M".
pub fn human_count(n: u64) -> String {
    match n {
        0..1_000 => n.to_string(),
        1_000..1_000_000 => trim_decimal(n as f64 / 1e3, "k"),
        1_000_000..1_000_000_000 => trim_decimal(n as f64 / 1e6, "M"),
        _ => trim_decimal(n as f64 / 1e9, "G"),
    }
}

fn trim_decimal(x: f64, unit: &str) -> String {
    if x >= 10.0 {
        format!("{x:.0}{unit}")
    } else {
        let s = format!("{x:.1}");
        format!("{}{unit}", s.strip_suffix(".0").unwrap_or(&s))
    }
}

fn deadline_label(left: Micros) -> String {
    if left <= 0 {
        let late = left.saturating_neg();
        return format!("deadline overdue by {}", human_duration(late));
    }
    format!("deadline in {}", human_duration(left))
}

/// 40 min, 3 h 20 min, 2 days.
fn human_duration(d: Micros) -> String {
    let minutes = d / MICROS_PER_MINUTE;
    if minutes < 60 {
        format!("{minutes} min")
    } else if minutes < 48 * 60 {
        let (h, m) = (minutes / 60, minutes % 60);
        if m == 0 {
            format!("{h} h")
        } else {
            format!("{h} h {m} min")
        }
    } else {
        format!("{} days", minutes / (24 * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_like_people_write_them() {
        assert_eq!(human_count(950), "950");
        assert_eq!(human_count(1_000), "1k");
        assert_eq!(human_count(1_500), "1.5k");
        assert_eq!(human_count(12_000), "12k");
        assert_eq!(human_count(1_250_000), "1.2M");
        assert_eq!(human_count(u64::MAX), "18446744074G");
    }

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(deadline_label(40 * MICROS_PER_MINUTE), "deadline in 40 min");
        assert_eq!(
            deadline_label(200 * MICROS_PER_MINUTE),
            "deadline in 3 h 20 min"
        );
        assert_eq!(deadline_label(3 * MICROS_PER_DAY), "deadline in 3 days");
        assert_eq!(
            deadline_label(-5 * MICROS_PER_MINUTE),
            "deadline overdue by 5 min"
        );
        assert_eq!(
            deadline_label(i64::MIN),
            "deadline overdue by 106751991 days"
        );
    }

    #[test]
    fn deadline_bands_end_where_the_labels_say() {
        let config = PriorityConfig::default();
        let points = |left: Micros| config.deadline_points(left);
        assert_eq!(points(i64::MIN), 400);
        assert_eq!(points(0), 400);
        assert_eq!(points(1), 300);
        assert_eq!(points(MICROS_PER_HOUR), 300);
        assert_eq!(points(MICROS_PER_HOUR + 1), 150);
        assert_eq!(points(4 * MICROS_PER_HOUR), 150);
        assert_eq!(points(4 * MICROS_PER_HOUR + 1), 50);
        assert_eq!(points(MICROS_PER_DAY), 50);
        assert_eq!(points(MICROS_PER_DAY + 1), 0);
        assert_eq!(points(i64::MAX), 0);
    }

    #[test]
    fn category_weights_read_from_toml_by_name() {
        let config: Result<PriorityConfig, _> =
            toml::from_str("[severity]\nhate = 999\nviolence_threat = 1\n");
        let config = config.unwrap_or_default();
        assert_eq!(config.severity.get(&Category::Hate), Some(&999));
        assert_eq!(config.severity.get(&Category::Toxicity), None);
        assert_eq!(config.threat_to_life, 500);
        let wrong: Result<PriorityConfig, _> = toml::from_str("[severity]\nspam = 3\n");
        assert!(wrong.is_err());
    }
}
