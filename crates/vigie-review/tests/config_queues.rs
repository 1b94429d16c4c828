//! The review config file and its queues.

mod common;

use common::*;
use vigie_detect::{Category, Target};
use vigie_policy::Action;
use vigie_review::case::Report;
use vigie_review::queue::DEFAULT_STATUSES;
use vigie_review::{Case, CaseStatus, ConfigError, QueueOrder, ReviewConfig, Source, route};

fn parse(text: &str) -> Result<ReviewConfig, ConfigError> {
    ReviewConfig::from_toml("test.toml", text)
}

fn invalid_detail(text: &str) -> String {
    match parse(text) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("should be refused:\n{text}"),
    }
}

#[test]
fn the_example_config_parses_with_its_queues_in_order() {
    let config = config();
    let names: Vec<&str> = config.queues.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "urgent",
            "notices",
            "threats",
            "hate-fr",
            "hate-en",
            "escalated",
            "second-review",
            "appeals",
            "general"
        ]
    );
    assert_eq!(config.lease.duration_minutes, 15);
    assert_eq!(config.strikes.thresholds.len(), 2);
    assert_eq!(config.strikes.thresholds[1].suspend_days, None);
    let general = config.queue("general").map(|q| q.filter.statuses.clone());
    assert_eq!(general, Some(DEFAULT_STATUSES.to_vec()));
    assert_eq!(
        config.queue("second-review").map(|q| q.filter.order),
        Some(QueueOrder::Age)
    );
}

#[test]
fn an_empty_file_is_all_defaults() {
    let config = parse("").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config, ReviewConfig::default());
}

#[test]
fn errors_name_the_file_and_what_is_wrong() {
    let unknown_key = invalid_detail("[lease]\nduration = 5\n");
    assert!(unknown_key.starts_with("test.toml: "), "{unknown_key}");
    assert!(unknown_key.contains("duration"), "{unknown_key}");

    let unknown_category = invalid_detail("[[queue]]\nname = \"x\"\ncategories = [\"spam\"]\n");
    assert!(unknown_category.contains("spam"), "{unknown_category}");
    assert!(unknown_category.contains("line 3"), "{unknown_category}");

    let twice = invalid_detail("[[queue]]\nname = \"a\"\n[[queue]]\nname = \"a\"\n");
    assert_eq!(twice, "test.toml: queue #2: the name \"a\" is used twice");

    let empty = invalid_detail("[[queue]]\nname = \"a\"\nlanguages = []\n");
    assert!(
        empty.contains("`languages = []` would match nothing"),
        "{empty}"
    );

    let bad_name = invalid_detail("[[queue]]\nname = \"a b\"\n");
    assert!(bad_name.contains("names use letters"), "{bad_name}");

    let bad_lang = invalid_detail("[[queue]]\nname = \"a\"\nlanguages = [\"English!\"]\n");
    assert!(bad_lang.contains("not a language code"), "{bad_lang}");

    let action = invalid_detail("[strikes]\non_actions = [\"ban\"]\n");
    assert!(action.contains("unknown action \"ban\""), "{action}");

    let lease = invalid_detail("[lease]\nduration_minutes = 0\n");
    assert!(lease.contains("at least 1"), "{lease}");

    let retry =
        invalid_detail("[webhook_retry]\nbase_delay_seconds = 100\nmax_delay_seconds = 10\n");
    assert!(retry.contains("above max_delay_seconds"), "{retry}");

    let status = invalid_detail("[[queue]]\nname = \"a\"\nstatuses = [\"closed\"]\n");
    assert!(status.contains("closed"), "{status}");
}

#[test]
fn cases_route_to_their_home_queue() {
    let config = config();
    let home = |case: &Case| route(&config.queues, case).map(|q| q.name.clone());

    assert_eq!(home(&threat_case("c1")).as_deref(), Some("urgent"));

    let hate_fr = Case::from_decision(
        "c2",
        "forum",
        Some("u"),
        automated(
            "p",
            Action::Remove,
            &[(Category::Hate, 0.9)],
            vec![Target::Group { id: "roms".into() }],
            "fr",
        ),
        None,
        &config,
        T0,
    );
    assert_eq!(home(&hate_fr).as_deref(), Some("hate-fr"));

    let threat_no_watchlist = Case::from_decision(
        "c3",
        "forum",
        Some("u"),
        automated(
            "p",
            Action::Remove,
            &[(Category::ViolenceThreat, 0.7)],
            vec![],
            "en",
        ),
        None,
        &config,
        T0,
    );
    assert_eq!(home(&threat_no_watchlist).as_deref(), Some("threats"));

    assert_eq!(home(&harassment_case("c4")).as_deref(), Some("general"));

    // Claimed cases are in no queue; once the claim lapses they come back.
    let mut claimed = harassment_case("c5");
    let alice = moderator("alice");
    let _ = claimed
        .claim(&alice, T0, &config.lease)
        .map(|l| l.holder.clone());
    assert_eq!(home(&claimed), None);
    claimed.expire_lease(T0 + 16 * MINUTE);
    assert_eq!(home(&claimed).as_deref(), Some("general"));
}

#[test]
fn filters_on_source_language_and_status() {
    let config = parse(
        r#"
[[queue]]
name = "reported-other"
sources = ["report"]
languages = ["other"]
statuses = ["open", "resolved"]
"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let queue = &config.queues[0];
    let subject = vigie_review::Subject::Post {
        platform: "f".into(),
        post_id: "p".into(),
        author: None,
    };
    let report = Report {
        id: "r".into(),
        reporter: None,
        category: None,
        reason: None,
        received_at: T0,
    };
    let reported = Case::from_report("c1", subject, report, &config, T0);
    assert!(queue.accepts(&reported), "unknown language counts as other");
    assert!(!queue.accepts(&harassment_case("c2")), "automated, English");
    let mut resolved = reported.clone();
    resolved.status = CaseStatus::Resolved;
    assert!(queue.accepts(&resolved));
    resolved.status = CaseStatus::Appealed;
    assert!(!queue.accepts(&resolved));
    assert_eq!(queue.filter.sources, Some(vec![Source::Report]));
}

#[test]
fn queues_serve_highest_priority_then_oldest() {
    let config = config();
    let queue = config
        .queue("general")
        .cloned()
        .unwrap_or_else(|| panic!("general queue"));
    let mut a = harassment_case("a");
    let mut b = harassment_case("b");
    let c = harassment_case("c");
    b.created_at = T0 - 10;
    a.priority.score += 1;
    a.created_at = T0 + 10;
    let mut cases = vec![c, b, a];
    queue.sort(&mut cases);
    let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "b", "c"]);
    let by_age = config
        .queue("second-review")
        .cloned()
        .unwrap_or_else(|| panic!("queue"));
    by_age.sort(&mut cases);
    let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["b", "c", "a"]);
}

#[test]
fn the_filter_is_plain_data_for_the_store() {
    let config = config();
    let filter = config.queue("hate-fr").map(|q| q.filter.clone());
    let json = serde_json::to_value(&filter).unwrap_or_default();
    assert_eq!(
        json,
        serde_json::json!({
            "statuses": ["open", "escalated"],
            "categories": ["hate"],
            "languages": ["fr"],
            "sources": null,
            "urgent": null,
            "escalated": null,
            "order": "priority"
        })
    );
}
