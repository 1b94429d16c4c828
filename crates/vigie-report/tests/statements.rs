//! Statements built from every kind of restriction validate against the embedded schema; broken
//! statements are refused with the field and the rule they break.

use serde_json::{Value, json};
use vigie_detect::Category;
use vigie_policy::Action;
use vigie_report::schema::Shape;
use vigie_report::{
    Decider, DetectionSource, Restriction, Schema, SorConfig, SorError, StatementOfReasons,
    puid_for_case_decision, puid_for_decision, validate_json,
};
use vigie_review::ModeratorAction;

/// How a test breaks a valid statement.
type Change = Box<dyn Fn(&mut Value)>;

const DAY: i64 = 86_400_000_000;
/// 2026-11-01T00:00:00Z
const NOV_1: i64 = 1_793_491_200_000_000;

fn restriction(
    decider: Decider,
    category: Option<Category>,
    source: DetectionSource,
) -> Restriction {
    Restriction {
        puid: puid_for_decision("0123abcd"),
        decider,
        category,
        reason_code: "violence.threat.credible".to_string(),
        source,
        automated_detection: source == DetectionSource::Automated,
        content_at: NOV_1,
        applied_at: NOV_1 + DAY / 2,
        lang: Some("fr".to_string()),
        policy_version: Some("3f2a9c".to_string()),
    }
}

fn valid(schema: &Schema) -> Value {
    let r = restriction(
        Decider::Automated {
            action: Action::Remove,
        },
        Some(Category::ViolenceThreat),
        DetectionSource::Automated,
    );
    StatementOfReasons::build(&r, &SorConfig::default(), schema)
        .unwrap()
        .to_json()
}

fn problems(schema: &Schema, statement: &Value) -> Vec<String> {
    schema
        .violations(statement)
        .into_iter()
        .map(|v| v.to_string())
        .collect()
}

#[test]
fn the_embedded_schema_is_read_whole() {
    let schema = Schema::embedded().unwrap();
    let raw: Value = serde_json::from_str(vigie_report::schema::EMBEDDED_SCHEMA).unwrap();
    assert_eq!(
        schema.fields.len(),
        raw["FIELDS"].as_object().unwrap().len()
    );
    // A few rules read from the file, not restated in code.
    let puid = schema.field("puid").unwrap();
    assert!(puid.required);
    assert!(matches!(
        &puid.shape,
        Shape::Text {
            max: 500,
            charset: Some(_)
        }
    ));
    let legal = schema.field("illegal_content_legal_ground").unwrap();
    assert!(!legal.required);
    assert_eq!(
        legal.required_if.as_ref().unwrap().to_string(),
        "decision_ground == DECISION_GROUND_ILLEGAL_CONTENT"
    );
    let explanation = schema.field("illegal_content_explanation").unwrap();
    assert_eq!(
        explanation.required_if.as_ref().unwrap().to_string(),
        "decision_ground == DECISION_GROUND_ILLEGAL_CONTENT"
    );
    assert!(matches!(
        &schema.field("automated_detection").unwrap().shape,
        Shape::OneOf { table } if table == "AUTOMATED_DETECTIONS"
    ));
    assert_eq!(
        schema
            .field("end_date_account_restriction")
            .unwrap()
            .not_before
            .as_deref(),
        Some("application_date")
    );
    assert_eq!(schema.at_least_one.len(), 1);
    assert_eq!(schema.at_least_one[0].len(), 4);
}

#[test]
fn an_unreadable_rule_is_a_load_error_naming_the_field() {
    let mut raw: Value = serde_json::from_str(vigie_report::schema::EMBEDDED_SCHEMA).unwrap();
    raw["FIELDS"]["category"] = json!("required; STATEMENT_CATEGORIES key; must be nice");
    let err = Schema::parse(&raw.to_string()).unwrap_err().to_string();
    assert!(
        err.contains("category") && err.contains("must be nice"),
        "{err}"
    );
    raw["FIELDS"]["category"] = json!("required; NO_SUCH_TABLE key");
    assert!(Schema::parse(&raw.to_string()).is_err());
}

#[test]
fn every_kind_of_restriction_gives_a_valid_statement() {
    let schema = Schema::embedded().unwrap();
    let mut illegal = SorConfig::default();
    illegal.illegal.insert(
        Category::Hate,
        "Loi du 29 juillet 1881, art. 24".to_string(),
    );
    illegal.terms_url = Some("https://forum.example/terms".to_string());
    let deciders = [
        Decider::Automated {
            action: Action::Label,
        },
        Decider::Automated {
            action: Action::Demote,
        },
        Decider::Automated {
            action: Action::HoldForReview,
        },
        Decider::Automated {
            action: Action::Remove,
        },
        Decider::Automated {
            action: Action::EscalateUrgent,
        },
        Decider::Moderator {
            action: ModeratorAction::Remove,
        },
        Decider::Moderator {
            action: ModeratorAction::Label,
        },
        Decider::Moderator {
            action: ModeratorAction::Demote,
        },
        Decider::Moderator {
            action: ModeratorAction::AgeRestrict,
        },
        Decider::Moderator {
            action: ModeratorAction::SuspendAccount {
                until: Some(NOV_1 + 30 * DAY),
            },
        },
        Decider::Moderator {
            action: ModeratorAction::SuspendAccount { until: None },
        },
    ];
    let mut categories: Vec<Option<Category>> = Category::ALL.iter().copied().map(Some).collect();
    categories.push(None);
    let mut built = 0;
    for config in [&SorConfig::default(), &illegal] {
        for decider in &deciders {
            for &category in &categories {
                for source in DetectionSource::ALL {
                    let r = restriction(decider.clone(), category, source);
                    let s = StatementOfReasons::build(&r, config, &schema).unwrap();
                    s.validate(&schema).unwrap_or_else(|e| panic!("{r:?}: {e}"));
                    let json = s.to_json();
                    // Values, not keys, for these two; keys for the other coded fields.
                    assert!(["Yes", "No"].contains(&json["automated_detection"].as_str().unwrap()));
                    assert!(json["source_type"].as_str().unwrap().starts_with("SOURCE_"));
                    if source == DetectionSource::Automated {
                        assert!(json.get("source_identity").is_none());
                    }
                    if config.illegal.contains_key(&Category::Hate)
                        && category == Some(Category::Hate)
                    {
                        assert_eq!(json["decision_ground"], "DECISION_GROUND_ILLEGAL_CONTENT");
                        assert!(json.get("incompatible_content_illegal").is_none());
                    } else {
                        assert_eq!(json["incompatible_content_illegal"], "No");
                    }
                    built += 1;
                }
            }
        }
    }
    assert_eq!(built, 2 * deciders.len() * categories.len() * 6);
}

#[test]
fn statements_hold_no_personal_data() {
    let schema = Schema::embedded().unwrap();
    let mut r = restriction(
        Decider::Moderator {
            action: ModeratorAction::Remove,
        },
        Some(Category::Harassment),
        DetectionSource::User,
    );
    r.reason_code = "harassment.targeted".to_string();
    let json = StatementOfReasons::build(&r, &SorConfig::default(), &schema)
        .unwrap()
        .to_json();
    assert!(
        json.get("source_identity").is_none(),
        "users are never named"
    );
    let facts = json["decision_facts"].as_str().unwrap();
    assert!(
        facts.contains("harassment.targeted") && facts.contains("Cyber violence"),
        "{facts}"
    );
    assert_eq!(json["content_language"], "FR");
    assert_eq!(json["content_date"], "2026-11-01");
    assert_eq!(json["application_date"], "2026-11-01");
}

#[test]
fn things_that_are_not_restrictions_have_no_statement() {
    let schema = Schema::embedded().unwrap();
    for decider in [
        Decider::Automated {
            action: Action::Allow,
        },
        Decider::Moderator {
            action: ModeratorAction::Restore,
        },
        Decider::Moderator {
            action: ModeratorAction::NoAction,
        },
        Decider::Moderator {
            action: ModeratorAction::Warn,
        },
    ] {
        let r = restriction(decider, None, DetectionSource::Automated);
        assert!(matches!(
            StatementOfReasons::build(&r, &SorConfig::default(), &schema),
            Err(SorError::NotARestriction { .. })
        ));
    }
}

#[test]
fn broken_statements_are_refused_with_the_rule_they_break() {
    let schema = Schema::embedded().unwrap();
    let good = valid(&schema);
    assert!(problems(&schema, &good).is_empty());

    let cases: Vec<(&str, Change, &str)> = vec![
        (
            "missing category",
            Box::new(|s| {
                s.as_object_mut().unwrap().remove("category");
            }),
            "category: is required",
        ),
        (
            "unknown key",
            Box::new(|s| s["category"] = json!("STATEMENT_CATEGORY_NOPE")),
            "is not one of STATEMENT_CATEGORIES",
        ),
        (
            "label instead of key",
            Box::new(|s| s["source_type"] = json!("Own voluntary initiative")),
            "source_type",
        ),
        (
            "key instead of value",
            Box::new(|s| s["automated_detection"] = json!("AUTOMATED_DETECTION_YES")),
            "automated_detection",
        ),
        (
            "boolean instead of Yes",
            Box::new(|s| s["automated_detection"] = json!(true)),
            "automated_detection",
        ),
        (
            "no restriction",
            Box::new(|s| {
                s.as_object_mut().unwrap().remove("decision_visibility");
            }),
            "at least one",
        ),
        (
            "bad puid char",
            Box::new(|s| s["puid"] = json!("a/b")),
            "puid: character '/'",
        ),
        (
            "puid too long",
            Box::new(|s| s["puid"] = json!("a".repeat(501))),
            "puid: has 501 characters",
        ),
        (
            "facts too long",
            Box::new(|s| s["decision_facts"] = json!("x".repeat(5001))),
            "decision_facts: has 5001",
        ),
        (
            "bad date",
            Box::new(|s| s["content_date"] = json!("2026-02-30")),
            "content_date",
        ),
        (
            "date out of range",
            Box::new(|s| s["application_date"] = json!("2019-12-31")),
            "is before 2020-01-01",
        ),
        (
            "other without text",
            Box::new(|s| s["decision_visibility"] = json!(["DECISION_VISIBILITY_OTHER"])),
            "decision_visibility_other: is required when decision_visibility contains DECISION_VISIBILITY_OTHER",
        ),
        (
            "text without other",
            Box::new(|s| s["decision_visibility_other"] = json!("shadow ban")),
            "decision_visibility_other: is only allowed",
        ),
        (
            "illegal without ground",
            Box::new(|s| s["decision_ground"] = json!("DECISION_GROUND_ILLEGAL_CONTENT")),
            "illegal_content_legal_ground: is required when",
        ),
        (
            "identity for voluntary",
            Box::new(|s| s["source_identity"] = json!("someone")),
            "source_identity: is not allowed when source_type == SOURCE_VOLUNTARY",
        ),
        (
            "unknown field",
            Box::new(|s| s["author"] = json!("u1")),
            "author: is not a field",
        ),
        (
            "country",
            Box::new(|s| s["territorial_scope"] = json!(["FR", "US"])),
            "territorial_scope",
        ),
        (
            "language lower case",
            Box::new(|s| s["content_language"] = json!("fr")),
            "content_language",
        ),
        (
            "end before start",
            Box::new(|s| {
                s["decision_account"] = json!("DECISION_ACCOUNT_SUSPENDED");
                s["end_date_account_restriction"] = json!("2026-10-01");
            }),
            "end_date_account_restriction: 2026-10-01 is before application_date",
        ),
        (
            "duplicate item",
            Box::new(|s| s["content_type"] = json!(["CONTENT_TYPE_TEXT", "CONTENT_TYPE_TEXT"])),
            "appears twice",
        ),
        (
            "ean",
            Box::new(|s| s["content_id"] = json!({"EAN-13": "12345"})),
            "EAN-13 must be 13 digits",
        ),
    ];
    for (what, change, expected) in cases {
        let mut s = good.clone();
        change(&mut s);
        let found = problems(&schema, &s);
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{what}: expected {expected:?} in {found:?}"
        );
        let err = validate_json(&s, &schema).unwrap_err().to_string();
        assert!(err.contains(expected), "{what}: {err}");
    }
}

#[test]
fn puids_keep_the_charset_and_stay_distinct() {
    let schema = Schema::embedded().unwrap();
    let charset = match &schema.field("puid").unwrap().shape {
        Shape::Text {
            charset: Some(c), ..
        } => c.clone(),
        other => panic!("{other:?}"),
    };
    let ids = ["abc/d1", "abc_2fd1", "abc/d10", "abc-d1", "é/ü"];
    let puids: Vec<String> = ids.iter().map(|i| puid_for_case_decision(i)).collect();
    for p in &puids {
        assert!(p.chars().all(|c| charset.allows(c)), "{p}");
    }
    let unique: std::collections::BTreeSet<_> = puids.iter().collect();
    assert_eq!(unique.len(), puids.len(), "{puids:?}");
    assert_ne!(puid_for_decision("ab"), puid_for_case_decision("ab"));
}
