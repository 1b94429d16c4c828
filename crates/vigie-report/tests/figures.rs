//! The HTML report shows exactly the figures of the CSV and the JSON.

use std::collections::BTreeMap;

use vigie_report::Figures;
use vigie_report::figures::{AppealFigures, Count, Durations, NoticeFigures};

fn sample() -> Figures {
    Figures {
        from: "2026-10-01T00:00:00Z".into(),
        to: "2026-11-01T00:00:00Z".into(),
        posts_decided: 123_456,
        restrictions: 4_321,
        automated_restrictions: 4_000,
        human_restrictions: 321,
        by_category: vec![
            Count::new("hate", "Hate <script>alert(1)</script>", 1_200),
            Count::new("violence_threat", "Violent threat", 800),
        ],
        by_source: vec![
            Count::new("automated", "Automated detection", 4_000),
            Count::new("user", "User notice, \"quoted\", with commas", 200),
            Count::new("hosting_provider", "Hosting provider", 121),
        ],
        by_action: vec![Count::new("remove", "Removed", 3_000)],
        time_to_action: Durations::from_micros(vec![60_000_000, 120_000_000, 3_600_000_000]),
        notices: NoticeFigures {
            received: 1_050,
            decided: 1_000,
            deadlines_met: 990,
            deadlines_missed: 10,
            pending: 50,
            by_kind: vec![Count::new("authority", "Authority", 30)],
            time_to_decision: Durations::default(),
        },
        appeals: AppealFigures {
            filed: 40,
            upheld: 25,
            reversed: 10,
            pending: 5,
        },
    }
}

/// `data-figure="id">value<` pairs of the HTML, with `–` (no data) as "".
fn html_figures(html: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = html;
    while let Some(at) = rest.find("data-figure=\"") {
        rest = &rest[at + 13..];
        let end = rest.find('"').unwrap();
        let id = rest[..end].to_string();
        let open = rest.find('>').unwrap();
        let close = rest.find('<').unwrap();
        let value = rest[open + 1..close].trim().replace('–', "");
        assert!(out.insert(id.clone(), value).is_none(), "{id} twice");
        rest = &rest[close..];
    }
    out
}

fn csv_figures(csv: &str) -> BTreeMap<String, String> {
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("section,key,label,value"));
    lines
        .map(|line| {
            let (head, value) = line.rsplit_once(',').unwrap();
            let mut parts = head.splitn(3, ',');
            let section = parts.next().unwrap();
            let key = parts.next().unwrap();
            (format!("{section}.{key}"), value.to_string())
        })
        .collect()
}

#[test]
fn html_csv_and_json_state_the_same_figures() {
    let figures = sample();
    let html = figures.to_html("forum.example").unwrap();
    let in_html = html_figures(&html);
    let in_csv = csv_figures(&figures.to_csv());
    assert_eq!(in_html, in_csv);
    // The JSON, read back on its own, gives the same rows.
    let back: Figures = serde_json::from_str(&figures.to_json().unwrap()).unwrap();
    let in_json: BTreeMap<String, String> =
        back.rows().iter().map(|r| (r.id(), r.shown())).collect();
    assert_eq!(in_json, in_html);
    // Spot checks against the input, so an empty report would not pass.
    assert_eq!(in_html["totals.posts_decided"], "123456");
    assert_eq!(in_html["by_source.hosting_provider"], "121");
    assert_eq!(in_html["time_to_action.median_seconds"], "120");
    assert_eq!(in_html["time_to_action.p90_seconds"], "3600");
    assert_eq!(in_html["notices.median_seconds"], "");
    assert_eq!(in_html["appeals.reversed"], "10");
    assert_eq!(in_html.len(), figures.rows().len());
}

#[test]
fn html_escapes_labels_and_draws_charts() {
    let html = sample().to_html("forum <b>example</b>").unwrap();
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("script&#62;alert(1)") || html.contains("script&gt;alert(1)"));
    assert!(!html.contains("<b>example</b>"));
    assert!(html.contains("id=\"chart-by-category\""));
    // The longest bar of a chart spans the chart's width; the others are proportional.
    let chart = &html[html.find("id=\"chart-by-category\"").unwrap()..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    let widths: Vec<u32> = chart
        .match_indices("width=\"")
        .map(|(i, _)| {
            let v = &chart[i + 7..];
            v[..v.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert_eq!(widths, vec![300, 200]);
}
