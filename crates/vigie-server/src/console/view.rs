//! What the templates show: one struct per page, and the pieces computed for them (evidence
//! highlighting, countdowns, charts). Templates are askama files with `.html` names, so every
//! value is HTML-escaped unless a template says otherwise (none does).

use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use vigie_policy::EvidenceSpan;
use vigie_review::{MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND};

/// What every page's frame shows: who is signed in and what their role lets them open.
pub struct Chrome {
    pub user: String,
    pub role: String,
    pub csrf: String,
    pub current: &'static str,
    pub can_audit: bool,
    pub can_claim: bool,
    pub can_escalate: bool,
    pub can_manage_policy: bool,
    /// A one-line outcome of the last action ("Removed; webhook queued").
    pub flash: Option<String>,
}

/// Renders a page; a template error (a bug) becomes a plain 500.
pub fn render<T: Template>(page: &T) -> Response {
    match page.render() {
        Ok(html) => {
            let mut r = Html(html).into_response();
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            r
        }
        Err(e) => {
            tracing::error!(error = %e, "rendering a console page");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "rendering the page failed",
            )
                .into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "console/error.html")]
pub struct ErrorPage<'a> {
    pub title: &'a str,
    pub message: &'a str,
    pub status: u16,
}

pub fn error_page(status: StatusCode, title: &str, message: &str) -> Response {
    let mut r = render(&ErrorPage {
        title,
        message,
        status: status.as_u16(),
    });
    *r.status_mut() = status;
    r
}

/// A stretch of the post's text, marked when evidence covers it.
pub struct Segment {
    pub text: String,
    /// "hate (lexicon: slur)"… for the evidence covering it; `None`: plain text.
    pub mark: Option<String>,
    /// Number of the first evidence item that covers it (links the mark to its row).
    pub evidence: usize,
}

/// Cuts `text` at the evidence spans (byte ranges of the original text; overlapping spans
/// merge, spans that do not fall on char boundaries are ignored rather than trusted).
pub fn highlight(text: &str, evidence: &[EvidenceSpan]) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, usize)> = evidence
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let (s, t) = (e.start as usize, e.end as usize);
            (s < t && text.get(s..t).is_some()).then_some((s, t, i))
        })
        .collect();
    spans.sort();
    let mut out = Vec::new();
    let mut at = 0;
    let mut i = 0;
    while i < spans.len() {
        let (start, mut end, first) = spans[i];
        let mut labels = vec![label(&evidence[first])];
        i += 1;
        while i < spans.len() && spans[i].0 < end {
            end = end.max(spans[i].1);
            let l = label(&evidence[spans[i].2]);
            if !labels.contains(&l) {
                labels.push(l);
            }
            i += 1;
        }
        let start = start.max(at);
        if start > at {
            out.push(Segment {
                text: text[at..start].to_string(),
                mark: None,
                evidence: 0,
            });
        }
        if end > start {
            out.push(Segment {
                text: text[start..end].to_string(),
                mark: Some(labels.join("; ")),
                evidence: first + 1,
            });
        }
        at = end.max(at);
    }
    if at < text.len() {
        out.push(Segment {
            text: text[at..].to_string(),
            mark: None,
            evidence: 0,
        });
    }
    out
}

fn label(e: &EvidenceSpan) -> String {
    format!("{} ({})", e.category.name(), e.detector)
}

/// "in 2 h 05 min", "overdue by 3 min".
pub fn countdown(deadline: i64, now: i64) -> String {
    let left = deadline - now;
    if left < 0 {
        format!("overdue by {}", duration(-left))
    } else {
        format!("in {}", duration(left))
    }
}

/// 90 s → "1 min", 3 h → "3 h 00 min", 2 days → "2 d 0 h".
pub fn duration(micros: i64) -> String {
    let m = micros.max(0);
    if m >= MICROS_PER_DAY {
        format!(
            "{} d {} h",
            m / MICROS_PER_DAY,
            (m % MICROS_PER_DAY) / MICROS_PER_HOUR
        )
    } else if m >= MICROS_PER_HOUR {
        format!(
            "{} h {:02} min",
            m / MICROS_PER_HOUR,
            (m % MICROS_PER_HOUR) / MICROS_PER_MINUTE
        )
    } else if m >= MICROS_PER_MINUTE {
        format!("{} min", m / MICROS_PER_MINUTE)
    } else {
        format!("{} s", m / MICROS_PER_SECOND)
    }
}

/// "2026-11-29 07:12 UTC".
pub fn when(micros: i64) -> String {
    let t = vigie_store::format_time(micros);
    match (t.get(0..10), t.get(11..16)) {
        (Some(d), Some(h)) => format!("{d} {h} UTC"),
        _ => t,
    }
}

/// One bar of a chart, in SVG user units.
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub class: String,
    pub title: String,
}

/// A chart drawn on the server: bars (stacked per bucket), an optional line, axis labels.
pub struct Chart {
    pub title: String,
    pub width: f64,
    pub height: f64,
    pub bars: Vec<Bar>,
    /// `x,y x,y …` of a polyline, empty for none.
    pub line: String,
    pub labels: Vec<(f64, String)>,
    pub max_label: String,
    /// The data as text, for screen readers and people who prefer numbers.
    pub summary: String,
    pub legend: Vec<(String, String)>,
}

const CHART_W: f64 = 640.0;
const CHART_H: f64 = 180.0;
const PLOT_TOP: f64 = 12.0;
const PLOT_BOTTOM: f64 = 160.0;

fn bucket_labels(buckets: usize, since: i64, width: i64) -> Vec<(f64, String)> {
    let step = (buckets / 7).max(1);
    (0..buckets)
        .step_by(step)
        .map(|i| {
            let x = 8.0 + (i as f64 + 0.5) * (CHART_W - 16.0) / buckets.max(1) as f64;
            let day = when(since + i as i64 * width);
            (x, day.get(5..10).unwrap_or(&day).to_string())
        })
        .collect()
}

/// Stacked bars: one series per name, one bar per bucket.
pub fn stacked_bars(
    title: &str,
    series: &[(String, Vec<u64>)],
    buckets: usize,
    since: i64,
    width: i64,
) -> Chart {
    let totals: Vec<u64> = (0..buckets)
        .map(|i| {
            series
                .iter()
                .map(|(_, v)| v.get(i).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1) as f64;
    let slot = (CHART_W - 16.0) / buckets.max(1) as f64;
    let scale = (PLOT_BOTTOM - PLOT_TOP) / max;
    let mut bars = Vec::new();
    for i in 0..buckets {
        let mut y = PLOT_BOTTOM;
        for (k, (name, values)) in series.iter().enumerate() {
            let v = values.get(i).copied().unwrap_or(0);
            if v == 0 {
                continue;
            }
            let h = v as f64 * scale;
            y -= h;
            bars.push(Bar {
                x: 8.0 + i as f64 * slot + slot * 0.15,
                y,
                width: slot * 0.7,
                height: h,
                class: format!("s{}", k % 8),
                title: format!("{name}: {v}"),
            });
        }
    }
    Chart {
        title: title.to_string(),
        width: CHART_W,
        height: CHART_H,
        bars,
        line: String::new(),
        labels: bucket_labels(buckets, since, width),
        max_label: format!("{}", max as u64),
        summary: series
            .iter()
            .map(|(n, v)| format!("{n}: {}", v.iter().sum::<u64>()))
            .collect::<Vec<_>>()
            .join(", "),
        legend: series
            .iter()
            .enumerate()
            .map(|(k, (n, _))| (format!("s{}", k % 8), n.clone()))
            .collect(),
    }
}

/// A line over the buckets.
pub fn line_chart(title: &str, values: &[u64], since: i64, width: i64) -> Chart {
    let buckets = values.len();
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let slot = (CHART_W - 16.0) / buckets.max(1) as f64;
    let scale = (PLOT_BOTTOM - PLOT_TOP) / max;
    let line = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!(
                "{:.1},{:.1}",
                8.0 + (i as f64 + 0.5) * slot,
                PLOT_BOTTOM - *v as f64 * scale
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    Chart {
        title: title.to_string(),
        width: CHART_W,
        height: CHART_H,
        bars: Vec::new(),
        line,
        labels: bucket_labels(buckets, since, width),
        max_label: format!("{}", max as u64),
        summary: format!(
            "from {} to {}",
            values.first().copied().unwrap_or(0),
            values.last().copied().unwrap_or(0)
        ),
        legend: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_detect::Category;

    fn span(start: u32, end: u32, category: Category) -> EvidenceSpan {
        EvidenceSpan {
            category,
            detector: "lexicon".into(),
            start,
            end,
            text: String::new(),
            matched: String::new(),
        }
    }

    #[test]
    fn evidence_is_cut_out_of_the_text_and_overlaps_merge() {
        let text = "you are a stupid idiot, really";
        let segs = highlight(
            text,
            &[
                span(10, 16, Category::Toxicity),
                span(17, 22, Category::Harassment),
                span(12, 20, Category::Toxicity),
            ],
        );
        let rebuilt: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(rebuilt, text);
        let marked: Vec<&str> = segs
            .iter()
            .filter(|s| s.mark.is_some())
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, vec!["stupid idiot"]);
    }

    #[test]
    fn spans_off_char_boundaries_are_ignored() {
        let text = "été brûlé";
        // Byte 1 is inside 'é'; "brûlé" is bytes 6..13.
        let segs = highlight(
            text,
            &[span(1, 3, Category::Toxicity), span(6, 13, Category::Hate)],
        );
        let rebuilt: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(rebuilt, text);
        let marked: Vec<&str> = segs
            .iter()
            .filter(|s| s.mark.is_some())
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, vec!["brûlé"]);
    }

    #[test]
    fn countdowns_read_as_time_left_or_overdue() {
        assert_eq!(
            countdown(2 * MICROS_PER_HOUR + 5 * MICROS_PER_MINUTE, 0),
            "in 2 h 05 min"
        );
        assert_eq!(countdown(0, 3 * MICROS_PER_MINUTE), "overdue by 3 min");
    }

    #[test]
    fn stacked_bars_scale_to_the_largest_bucket() {
        let c = stacked_bars(
            "t",
            &[("a".into(), vec![1, 3]), ("b".into(), vec![1, 0])],
            2,
            0,
            MICROS_PER_DAY,
        );
        assert_eq!(c.bars.len(), 3);
        let tallest = c.bars.iter().map(|b| b.height).fold(0.0, f64::max);
        assert!((tallest - (PLOT_BOTTOM - PLOT_TOP)).abs() < 1e-9);
    }
}
