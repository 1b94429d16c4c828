//! A transparency report's figures (DSA Art. 15 and 24) and their three renderings. HTML
//! (with server-rendered SVG charts), CSV and JSON all read the same [`Figures`]: the CSV is
//! [`Figures::rows`], the HTML shows each of those rows (marked `data-figure="section.key"`),
//! the JSON is the struct itself, so the three cannot disagree.

use askama::Template;
use serde::{Deserialize, Serialize};

/// One counted thing: `key` is stable (CSV, JSON), `label` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub count: u64,
}

impl Count {
    pub fn new(key: impl Into<String>, label: impl Into<String>, count: u64) -> Count {
        Count {
            key: key.into(),
            label: label.into(),
            count,
        }
    }
}

/// Median and 90th percentile of a set of durations, in whole seconds (`None` when empty).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Durations {
    pub count: u64,
    pub median_seconds: Option<u64>,
    pub p90_seconds: Option<u64>,
}

impl Durations {
    /// From durations in microseconds (any order; negative ones count as 0).
    pub fn from_micros(mut micros: Vec<i64>) -> Durations {
        micros.sort_unstable();
        let seconds = |p: f64| percentile(&micros, p).map(|m| (m.max(0) / 1_000_000) as u64);
        Durations {
            count: micros.len() as u64,
            median_seconds: seconds(0.5),
            p90_seconds: seconds(0.9),
        }
    }
}

/// Nearest-rank percentile of sorted values (`p` in (0, 1]).
pub fn percentile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

/// Notices received in the period and how their deadlines went.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeFigures {
    pub received: u64,
    pub decided: u64,
    pub deadlines_met: u64,
    pub deadlines_missed: u64,
    /// Not decided yet.
    pub pending: u64,
    pub by_kind: Vec<Count>,
    /// From receipt to decision.
    pub time_to_decision: Durations,
}

/// Appeals filed in the period and their outcomes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppealFigures {
    pub filed: u64,
    pub upheld: u64,
    pub reversed: u64,
    pub pending: u64,
}

/// Everything a transparency report states about a period `[from, to)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// RFC 3339.
    pub from: String,
    pub to: String,
    /// Posts vigie decided on.
    pub posts_decided: u64,
    /// Restrictions applied (automated and by moderators).
    pub restrictions: u64,
    pub automated_restrictions: u64,
    pub human_restrictions: u64,
    /// Restrictions by category.
    pub by_category: Vec<Count>,
    /// Restrictions by how the content came to attention.
    pub by_source: Vec<Count>,
    /// Restrictions by action (automated actions and moderators' actions).
    pub by_action: Vec<Count>,
    /// Moderators' decisions, from the case opening to the first decision.
    pub time_to_action: Durations,
    pub notices: NoticeFigures,
    pub appeals: AppealFigures,
}

/// One figure as the CSV has it; the HTML marks the same `section.key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub section: &'static str,
    pub key: String,
    pub label: String,
    /// `None`: no data (e.g. a median of nothing).
    pub value: Option<u64>,
}

impl Row {
    pub fn id(&self) -> String {
        format!("{}.{}", self.section, self.key)
    }

    pub fn shown(&self) -> String {
        self.value.map(|v| v.to_string()).unwrap_or_default()
    }

    /// A duration figure (key `…_seconds`) as a reader would say it, shown beside the exact
    /// number of seconds in the HTML.
    pub fn readable(&self) -> Option<String> {
        match self.value {
            Some(v) if self.key.ends_with("_seconds") => Some(duration_text(v)),
            _ => None,
        }
    }
}

/// Seconds as "45 s", "12 min", "3 h 05 min" or "2 d 04 h": two units at most, because a
/// report states magnitudes, and the exact figure stays beside it.
pub fn duration_text(seconds: u64) -> String {
    const MINUTE: u64 = 60;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    match seconds {
        s if s < MINUTE => format!("{s} s"),
        s if s < HOUR => format!("{} min", s / MINUTE),
        s if s < DAY => format!("{} h {:02} min", s / HOUR, s % HOUR / MINUTE),
        s => format!("{} d {:02} h", s / DAY, s % DAY / HOUR),
    }
}

fn row(section: &'static str, key: &str, label: &str, value: Option<u64>) -> Row {
    Row {
        section,
        key: key.to_string(),
        label: label.to_string(),
        value,
    }
}

fn counts(section: &'static str, counts: &[Count]) -> Vec<Row> {
    counts
        .iter()
        .map(|c| row(section, &c.key, &c.label, Some(c.count)))
        .collect()
}

/// A horizontal bar chart, laid out here so the template only draws.
#[derive(Debug, Clone)]
pub struct Chart {
    pub id: String,
    pub title: String,
    pub height: u32,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub x: u32,
    pub value: String,
    pub y: u32,
    pub width: u32,
    pub text_y: u32,
    pub value_x: u32,
    pub colour: &'static str,
}

// Room on the left for labels like "Withheld for review (automated)", and on the right for
// the longest bar's value ("12 h 38 min"), within the SVG's 600 units.
const BAR_X: u32 = 215;
const CHART_WIDTH: u32 = 300;
const BAR_HEIGHT: u32 = 22;
const BAR_GAP: u32 = 8;
const COLOURS: [&str; 6] = [
    "#3566a8", "#d9822b", "#3b8c5a", "#b3413b", "#7b5ea7", "#6b7785",
];

impl Chart {
    pub fn new(id: &str, title: &str, items: &[(String, u64)]) -> Chart {
        let max = items.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
        let bars = items
            .iter()
            .enumerate()
            .map(|(i, (label, value))| {
                let y = i as u32 * (BAR_HEIGHT + BAR_GAP);
                let width = ((*value as f64 / max as f64) * f64::from(CHART_WIDTH)).round() as u32;
                Bar {
                    label: label.clone(),
                    value: value.to_string(),
                    y,
                    width,
                    text_y: y + BAR_HEIGHT / 2 + 5,
                    x: BAR_X,
                    value_x: BAR_X + width + 6,
                    colour: COLOURS[i % COLOURS.len()],
                }
            })
            .collect::<Vec<_>>();
        Chart {
            id: id.to_string(),
            title: title.to_string(),
            height: (bars.len() as u32).max(1) * (BAR_HEIGHT + BAR_GAP),
            bars,
        }
    }

    /// The same chart with its bars' values written as durations (values in seconds).
    fn with_duration_values(mut self, seconds: &[u64]) -> Chart {
        for (bar, s) in self.bars.iter_mut().zip(seconds) {
            bar.value = duration_text(*s);
        }
        self
    }

    fn from_counts(id: &str, title: &str, counts: &[Count]) -> Chart {
        let items: Vec<(String, u64)> = counts.iter().map(|c| (c.label.clone(), c.count)).collect();
        Chart::new(id, title, &items)
    }
}

/// A section of the HTML report: its rows (the same as the CSV's) and a chart.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub note: String,
    pub rows: Vec<Row>,
    pub chart: Option<Chart>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage<'a> {
    figures: &'a Figures,
    sections: Vec<Section>,
    platform: &'a str,
}

/// The report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("rendering the HTML report: {0}")]
    Html(#[from] askama::Error),
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl Figures {
    /// Every figure, in report order: the CSV's rows, and what the HTML shows.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = vec![
            row(
                "totals",
                "posts_decided",
                "Posts decided",
                Some(self.posts_decided),
            ),
            row(
                "totals",
                "restrictions",
                "Restrictions",
                Some(self.restrictions),
            ),
            row(
                "decided_by",
                "automated",
                "Automated decisions",
                Some(self.automated_restrictions),
            ),
            row(
                "decided_by",
                "human",
                "Decisions by moderators",
                Some(self.human_restrictions),
            ),
        ];
        rows.extend(counts("by_category", &self.by_category));
        rows.extend(counts("by_source", &self.by_source));
        rows.extend(counts("by_action", &self.by_action));
        let t = &self.time_to_action;
        rows.push(row(
            "time_to_action",
            "decisions",
            "Decisions timed",
            Some(t.count),
        ));
        rows.push(row(
            "time_to_action",
            "median_seconds",
            "Median (s)",
            t.median_seconds,
        ));
        rows.push(row(
            "time_to_action",
            "p90_seconds",
            "90th percentile (s)",
            t.p90_seconds,
        ));
        let n = &self.notices;
        rows.push(row("notices", "received", "Received", Some(n.received)));
        rows.push(row("notices", "decided", "Decided", Some(n.decided)));
        rows.push(row(
            "notices",
            "deadlines_met",
            "Deadline met",
            Some(n.deadlines_met),
        ));
        rows.push(row(
            "notices",
            "deadlines_missed",
            "Deadline missed",
            Some(n.deadlines_missed),
        ));
        rows.push(row(
            "notices",
            "pending",
            "Not decided yet",
            Some(n.pending),
        ));
        rows.push(row(
            "notices",
            "median_seconds",
            "Median time to decision (s)",
            n.time_to_decision.median_seconds,
        ));
        rows.push(row(
            "notices",
            "p90_seconds",
            "90th percentile time to decision (s)",
            n.time_to_decision.p90_seconds,
        ));
        rows.extend(counts("notices_by_kind", &n.by_kind));
        let a = &self.appeals;
        rows.push(row("appeals", "filed", "Filed", Some(a.filed)));
        rows.push(row("appeals", "upheld", "Upheld", Some(a.upheld)));
        rows.push(row("appeals", "reversed", "Reversed", Some(a.reversed)));
        rows.push(row("appeals", "pending", "Pending", Some(a.pending)));
        rows
    }

    /// `section,key,label,value` (value empty when there is no data).
    pub fn to_csv(&self) -> String {
        let mut out = String::from("section,key,label,value\n");
        for r in self.rows() {
            out.push_str(&format!(
                "{},{},{},{}\n",
                csv_field(r.section),
                csv_field(&r.key),
                csv_field(&r.label),
                r.shown()
            ));
        }
        out
    }

    pub fn to_json(&self) -> Result<String, RenderError> {
        Ok(serde_json::to_string_pretty(self)?)
    }

    fn sections(&self) -> Vec<Section> {
        let rows = self.rows();
        let pick = |section: &str| -> Vec<Row> {
            rows.iter()
                .filter(|r| r.section == section)
                .cloned()
                .collect()
        };
        let pair = |id: &str, title: &str, items: &[(&str, u64)]| {
            let items: Vec<(String, u64)> =
                items.iter().map(|(l, v)| (l.to_string(), *v)).collect();
            Some(Chart::new(id, title, &items))
        };
        let n = &self.notices;
        let a = &self.appeals;
        vec![
            Section {
                title: "Totals".into(),
                note: "Posts vigie decided on, and the restrictions applied to content or accounts.".into(),
                rows: pick("totals"),
                chart: None,
            },
            Section {
                title: "Automated and human decisions".into(),
                note: "Restrictions decided by vigie's automated pipeline, and by moderators.".into(),
                rows: pick("decided_by"),
                chart: pair(
                    "decided-by",
                    "Restrictions by who decided",
                    &[
                        ("Automated", self.automated_restrictions),
                        ("Moderators", self.human_restrictions),
                    ],
                ),
            },
            Section {
                title: "Restrictions by category".into(),
                note: "The category each restriction was for.".into(),
                rows: pick("by_category"),
                chart: Some(Chart::from_counts("by-category", "Restrictions by category", &self.by_category)),
            },
            Section {
                title: "Restrictions by source of detection".into(),
                note: "How the content came to attention: vigie's automated detection, a user's notice, a trusted flagger, an authority, the hosting provider.".into(),
                rows: pick("by_source"),
                chart: Some(Chart::from_counts("by-source", "Restrictions by source", &self.by_source)),
            },
            Section {
                title: "Restrictions by action".into(),
                note: "What was done: automated actions, and moderators' actions.".into(),
                rows: pick("by_action"),
                chart: Some(Chart::from_counts("by-action", "Restrictions by action", &self.by_action)),
            },
            Section {
                title: "Time to action".into(),
                note: "Moderators' decisions: time from the opening of the case to its first decision.".into(),
                rows: pick("time_to_action"),
                chart: {
                    let seconds = [
                        self.time_to_action.median_seconds.unwrap_or(0),
                        self.time_to_action.p90_seconds.unwrap_or(0),
                    ];
                    pair(
                        "time-to-action",
                        "Time to a moderator's decision",
                        &[("Median", seconds[0]), ("90th percentile", seconds[1])],
                    )
                    .map(|c| c.with_duration_values(&seconds))
                },
            },
            Section {
                title: "Notices and deadlines".into(),
                note: "Notices received in the period (users, trusted flaggers, authorities, hosting providers) and whether they were decided by their deadline.".into(),
                rows: pick("notices"),
                chart: pair(
                    "deadlines",
                    "Notices by deadline outcome",
                    &[
                        ("Met", n.deadlines_met),
                        ("Missed", n.deadlines_missed),
                        ("Not decided yet", n.pending),
                    ],
                ),
            },
            Section {
                title: "Notices by kind of notifier".into(),
                note: String::new(),
                rows: pick("notices_by_kind"),
                chart: Some(Chart::from_counts("notices-by-kind", "Notices by notifier", &n.by_kind)),
            },
            Section {
                title: "Appeals".into(),
                note: "Appeals filed by authors in the period, and how they ended.".into(),
                rows: pick("appeals"),
                chart: pair(
                    "appeals",
                    "Appeals by outcome",
                    &[("Upheld", a.upheld), ("Reversed", a.reversed), ("Pending", a.pending)],
                ),
            },
        ]
    }

    /// The report as one HTML page (no script, no external resource; charts are inline SVG).
    pub fn to_html(&self, platform: &str) -> Result<String, RenderError> {
        let page = ReportPage {
            figures: self,
            sections: self.sections(),
            platform,
        };
        Ok(page.render()?)
    }
}

/// RFC 4180 quoting where needed (labels are ours, but a platform may rename them).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 0.5), Some(5));
        assert_eq!(percentile(&v, 0.9), Some(9));
        assert_eq!(percentile(&[7], 0.9), Some(7));
        assert_eq!(percentile(&[], 0.5), None);
        let d = Durations::from_micros(vec![3_000_000, 1_000_000, 2_000_000]);
        assert_eq!(
            (d.count, d.median_seconds, d.p90_seconds),
            (3, Some(2), Some(3))
        );
    }

    #[test]
    fn durations_read_in_two_units_at_most() {
        assert_eq!(duration_text(0), "0 s");
        assert_eq!(duration_text(59), "59 s");
        assert_eq!(duration_text(60), "1 min");
        assert_eq!(duration_text(3_599), "59 min");
        assert_eq!(duration_text(3_600 + 5 * 60 + 59), "1 h 05 min");
        assert_eq!(duration_text(986_303), "11 d 09 h");
        let r = row("notices", "median_seconds", "Median", Some(7_200));
        assert_eq!(r.readable().as_deref(), Some("2 h 00 min"));
        assert_eq!(
            row("notices", "received", "Received", Some(7_200)).readable(),
            None
        );
        assert_eq!(row("notices", "p90_seconds", "P90", None).readable(), None);
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
