//! The DSA Transparency Database's statement-of-reasons schema, read from its reference file
//! (`data/reference/dsa_sor_enums.json`, embedded), and the validator built from it.
//!
//! The file states each field's rule in a short notation (`"string<=500; required iff
//! decision_ground==DECISION_GROUND_ILLEGAL_CONTENT"`). [`Schema::parse`] reads that notation
//! into [`FieldRule`]s rather than restating the rules in code, so a new version of the file
//! changes the validator; a rule it cannot read is a load error naming the field and the
//! clause, never a silently skipped check. The notation is small and fixed, so a hand-written
//! clause reader is simpler than a grammar crate here.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

/// The schema file as shipped, embedded.
pub const EMBEDDED_SCHEMA: &str = include_str!("../../../data/reference/dsa_sor_enums.json");

/// The schema could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("the schema file is not JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the schema file has no {0} object")]
    Missing(&'static str),
    #[error("enum table {table} is neither an object of keys nor a list of values")]
    Table { table: String },
    #[error("field {field}: cannot read rule clause {clause:?}")]
    Clause { field: String, clause: String },
    #[error("field {field}: the rule names {name}, which is neither a field nor an enum value")]
    Reference { field: String, name: String },
}

/// One allowed-values table: either keys (`DECISION_GROUND_ILLEGAL_CONTENT` → label) or a
/// plain list of values (`Yes`, `No`; country codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumTable {
    pub name: String,
    /// Allowed values, in the file's order.
    pub values: Vec<String>,
    /// Labels by key; empty for a list table.
    pub labels: BTreeMap<String, String>,
    set: BTreeSet<String>,
}

impl EnumTable {
    pub fn contains(&self, value: &str) -> bool {
        self.set.contains(value)
    }

    pub fn label<'a>(&'a self, key: &'a str) -> &'a str {
        self.labels.get(key).map(String::as_str).unwrap_or(key)
    }
}

/// What a field's value must look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A string of at most `max` characters; `charset`: the only characters allowed.
    Text {
        max: usize,
        charset: Option<Charset>,
    },
    /// An absolute http(s) URL of at most `max` characters.
    Url { max: usize },
    /// One value of an enum table (a key, or a value of a list table).
    OneOf { table: String },
    /// A non-empty array of values of an enum table, without repeats.
    ManyOf { table: String },
    /// `Y-m-d`, within `[min, max]` when given.
    Date {
        min: Option<String>,
        max: Option<String>,
    },
    /// An object whose only allowed key is `key`, holding `digits` ASCII digits.
    DigitsObject { key: String, digits: usize },
}

/// Characters allowed by a `^[...]+$` pattern: ranges and single characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charset {
    pub pattern: String,
    ranges: Vec<(char, char)>,
}

impl Charset {
    fn parse(pattern: &str) -> Option<Charset> {
        let class = pattern.strip_prefix("^[")?.strip_suffix("]+$")?;
        let chars: Vec<char> = class.chars().collect();
        let mut ranges = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            // `a-z` is a range; a `-` first or last, or after a range, is itself.
            if i + 2 < chars.len() && chars[i + 1] == '-' {
                ranges.push((chars[i], chars[i + 2]));
                i += 3;
            } else {
                ranges.push((chars[i], chars[i]));
                i += 1;
            }
        }
        Some(Charset {
            pattern: pattern.to_string(),
            ranges,
        })
    }

    pub fn allows(&self, c: char) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    }
}

/// A condition on another field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// `field == value`.
    Equals { field: String, value: String },
    /// The array `field` contains `value`.
    Contains { field: String, value: String },
}

impl Condition {
    pub fn holds(&self, statement: &Map<String, Value>) -> bool {
        match self {
            Condition::Equals { field, value } => {
                statement.get(field).and_then(Value::as_str) == Some(value)
            }
            Condition::Contains { field, value } => statement
                .get(field)
                .and_then(Value::as_array)
                .is_some_and(|items| items.iter().any(|v| v.as_str() == Some(value))),
        }
    }
}

impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Condition::Equals { field, value } => write!(f, "{field} == {value}"),
            Condition::Contains { field, value } => write!(f, "{field} contains {value}"),
        }
    }
}

/// One field's rule, as read from `FIELDS`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRule {
    pub name: String,
    pub shape: Shape,
    /// Required whatever the other fields say.
    pub required: bool,
    /// Required when this holds.
    pub required_if: Option<Condition>,
    /// Must be absent unless `required_if` holds ("iff", "else excluded", "only with").
    pub only_if: Option<Condition>,
    /// Must be absent when this holds ("excluded when").
    pub excluded_if: Option<Condition>,
    /// A date that may not be before this other date field.
    pub not_before: Option<String>,
}

/// The whole schema: enum tables, field rules, and groups of which one field is required.
#[derive(Debug, Clone)]
pub struct Schema {
    pub tables: BTreeMap<String, EnumTable>,
    /// In the file's order.
    pub fields: Vec<FieldRule>,
    /// "at least one of a/b/c required".
    pub at_least_one: Vec<Vec<String>>,
    pub source: String,
}

/// One way a statement breaks the schema.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Violation {
    pub field: String,
    pub problem: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

fn violation(field: &str, problem: impl Into<String>) -> Violation {
    Violation {
        field: field.to_string(),
        problem: problem.into(),
    }
}

/// `Y-m-d` with a real month and day (leap years included).
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        text.get(r)
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|s| s.parse().ok())
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_http_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !r.chars().any(char::is_whitespace)
    })
}

/// What one clause of a rule says.
enum Clause {
    Required,
    Nothing,
    Shape(Shape),
    Nullable,
    RequiredIf(Condition),
    OnlyIf,
    ExcludedIf(Condition),
    AtLeastOne(Vec<String>),
    DateMax(String),
    NotBefore(String),
    Charset(Charset),
    MaxLen(usize),
}

struct RuleReader<'a> {
    field: &'a str,
    tables: &'a BTreeMap<String, EnumTable>,
    fields: &'a BTreeSet<String>,
}

impl RuleReader<'_> {
    fn error(&self, clause: &str) -> SchemaError {
        SchemaError::Clause {
            field: self.field.to_string(),
            clause: clause.to_string(),
        }
    }

    fn max_len(&self, text: &str) -> Result<usize, SchemaError> {
        text.trim().parse().map_err(|_| self.error(text))
    }

    fn table(&self, name: &str, clause: &str) -> Result<String, SchemaError> {
        if self.tables.contains_key(name) {
            Ok(name.to_string())
        } else {
            Err(self.error(clause))
        }
    }

    /// `field==VALUE`, `field contains VALUE`, or a bare `VALUE` whose field is the one
    /// whose table holds it.
    fn condition(&self, text: &str, rules_so_far: &[FieldRule]) -> Result<Condition, SchemaError> {
        let text = text.trim();
        if let Some((field, value)) = text.split_once("==") {
            return Ok(Condition::Equals {
                field: self.known_field(field.trim())?,
                value: value.trim().to_string(),
            });
        }
        if let Some((field, value)) = text.split_once(" contains ") {
            return Ok(Condition::Contains {
                field: self.known_field(field.trim())?,
                value: value.trim().to_string(),
            });
        }
        let owner = rules_so_far.iter().find(|r| match &r.shape {
            Shape::OneOf { table } => self.tables.get(table).is_some_and(|t| t.contains(text)),
            _ => false,
        });
        match owner {
            Some(rule) => Ok(Condition::Equals {
                field: rule.name.clone(),
                value: text.to_string(),
            }),
            None => Err(SchemaError::Reference {
                field: self.field.to_string(),
                name: text.to_string(),
            }),
        }
    }

    fn known_field(&self, name: &str) -> Result<String, SchemaError> {
        if self.fields.contains(name) {
            Ok(name.to_string())
        } else {
            Err(SchemaError::Reference {
                field: self.field.to_string(),
                name: name.to_string(),
            })
        }
    }

    fn clause(&self, raw: &str, rules_so_far: &[FieldRule]) -> Result<Clause, SchemaError> {
        let c = raw.trim();
        if c.is_empty() || c == "optional" || c.starts_with("docs:") {
            return Ok(Clause::Nothing);
        }
        if c == "required" {
            return Ok(Clause::Required);
        }
        if c == "null" || c == "nullable" || c.starts_with("validator: nullable") {
            return Ok(Clause::Nullable);
        }
        // Enforced by the store (puids are stored and never reused), not per statement.
        if c.starts_with("unique per platform") {
            return Ok(Clause::Nothing);
        }
        // Notes for people: the value/key distinction is carried by the table itself.
        if c == "VALUE" || c == "not key" || c.starts_with("duplicate ") {
            return Ok(Clause::Nothing);
        }
        if c == "else excluded" || c == "else dropped" {
            return Ok(if c.starts_with("else") {
                Clause::OnlyIf
            } else {
                Clause::Nothing
            });
        }
        if c.starts_with("uppercase ") {
            return Ok(Clause::Nothing);
        }
        if let Some(rest) = c.strip_prefix("required iff ") {
            return Ok(Clause::RequiredIf(self.condition(rest, rules_so_far)?));
        }
        if let Some(rest) = c.strip_prefix("only with ") {
            // Not required, but absent unless the condition holds.
            let cond = self.condition(rest, rules_so_far)?;
            return Ok(Clause::ExcludedIf(negate_marker(cond)));
        }
        if let Some(rest) = c.strip_prefix("excluded when ") {
            return Ok(Clause::ExcludedIf(self.condition(rest, rules_so_far)?));
        }
        if let Some(rest) = c.strip_prefix("at least one of ") {
            let list = rest
                .strip_suffix(" required")
                .ok_or_else(|| self.error(c))?;
            let names = list
                .split('/')
                .map(|n| self.known_field(n.trim()))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(Clause::AtLeastOne(names));
        }
        if let Some(rest) = c.strip_prefix(">= ") {
            return Ok(Clause::NotBefore(self.known_field(rest.trim())?));
        }
        if let Some(rest) = c.strip_prefix("string<=") {
            return Ok(Clause::Shape(Shape::Text {
                max: self.max_len(rest)?,
                charset: None,
            }));
        }
        if let Some(rest) = c.strip_prefix("url<=") {
            return Ok(Clause::Shape(Shape::Url {
                max: self.max_len(rest)?,
            }));
        }
        if let Some(rest) = c.strip_prefix("<=") {
            let rest = rest.trim();
            if is_date(rest) {
                return Ok(Clause::DateMax(rest.to_string()));
            }
            return Ok(Clause::MaxLen(self.max_len(rest)?));
        }
        if c.starts_with('^') {
            return Charset::parse(c)
                .map(Clause::Charset)
                .ok_or_else(|| self.error(c));
        }
        if c == "Y-m-d" {
            return Ok(Clause::Shape(Shape::Date {
                min: None,
                max: None,
            }));
        }
        if let Some((lo, hi)) = c.split_once("..")
            && is_date(lo.trim())
            && is_date(hi.trim())
        {
            return Ok(Clause::Shape(Shape::Date {
                min: Some(lo.trim().to_string()),
                max: Some(hi.trim().to_string()),
            }));
        }
        if c == "'Yes'|'No'" {
            return Ok(Clause::Shape(Shape::OneOf {
                table: self.yes_no_table(c)?,
            }));
        }
        if let Some(rest) = c.strip_prefix("array of ") {
            let name = rest.strip_suffix(" keys").unwrap_or(rest).trim();
            return Ok(Clause::Shape(Shape::ManyOf {
                table: self.table(name, c)?,
            }));
        }
        if let Some(name) = c.strip_suffix(" key") {
            return Ok(Clause::Shape(Shape::OneOf {
                table: self.table(name.trim(), c)?,
            }));
        }
        if self.tables.contains_key(c) {
            return Ok(Clause::Shape(Shape::OneOf {
                table: c.to_string(),
            }));
        }
        if c == "object" {
            return Ok(Clause::Nothing);
        }
        if let Some(rest) = c.strip_prefix("only key '") {
            // only key 'EAN-13' => 13 digits
            let (key, rest) = rest.split_once('\'').ok_or_else(|| self.error(c))?;
            let digits = rest
                .trim()
                .strip_prefix("=>")
                .and_then(|r| r.trim().strip_suffix(" digits"))
                .ok_or_else(|| self.error(c))?;
            return Ok(Clause::Shape(Shape::DigitsObject {
                key: key.to_string(),
                digits: self.max_len(digits)?,
            }));
        }
        Err(self.error(c))
    }

    /// The list table of exactly `Yes`/`No` named after this field (AUTOMATED_DETECTIONS…).
    fn yes_no_table(&self, clause: &str) -> Result<String, SchemaError> {
        let plural = format!("{}S", self.field.to_ascii_uppercase());
        match self.tables.get(&plural) {
            Some(t) if t.values == ["Yes", "No"] => Ok(plural),
            _ => Err(self.error(clause)),
        }
    }
}

/// "only with X" reads as "excluded unless X": kept as a marked condition and turned into
/// [`FieldRule::only_if`] once the clause list is read.
fn negate_marker(cond: Condition) -> Condition {
    match cond {
        Condition::Equals { field, value } => Condition::Equals {
            field: format!("!{field}"),
            value,
        },
        Condition::Contains { field, value } => Condition::Contains {
            field: format!("!{field}"),
            value,
        },
    }
}

fn unmark(cond: &Condition) -> Option<Condition> {
    match cond {
        Condition::Equals { field, value } => field.strip_prefix('!').map(|f| Condition::Equals {
            field: f.to_string(),
            value: value.clone(),
        }),
        Condition::Contains { field, value } => {
            field.strip_prefix('!').map(|f| Condition::Contains {
                field: f.to_string(),
                value: value.clone(),
            })
        }
    }
}

/// Splits a rule into clauses: on `;` and `,` outside parentheses, and the parts inside
/// parentheses (`(docs: >= application_date)`) as clauses of their own; `x | null` gives `x`
/// and `null`.
fn split_clauses(rule: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut outer = String::new();
    let mut inner = String::new();
    let mut depth = 0usize;
    for ch in rule.chars() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    out.extend(inner.split([';', ',']).map(str::to_string));
                    inner.clear();
                }
            }
            _ if depth > 0 => inner.push(ch),
            ';' | ',' => out.push(std::mem::take(&mut outer)),
            _ => outer.push(ch),
        }
    }
    out.push(outer);
    let mut clauses = Vec::new();
    for part in out {
        // `'Yes'|'No'` is one clause; `X | null` is two.
        for piece in part.split(" | ") {
            let piece = piece.trim();
            // "docs: required" only documents; "docs: >= application_date" is a real rule.
            let piece = piece.strip_prefix("docs: ").unwrap_or(piece);
            let piece = if piece == "required" && part.contains("docs:") {
                ""
            } else {
                piece
            };
            clauses.push(piece.to_string());
        }
    }
    clauses
}

impl Schema {
    /// The schema shipped with vigie.
    pub fn embedded() -> Result<Schema, SchemaError> {
        Schema::parse(EMBEDDED_SCHEMA)
    }

    /// Reads a schema file (same layout as `data/reference/dsa_sor_enums.json`).
    pub fn parse(text: &str) -> Result<Schema, SchemaError> {
        let root: Value = serde_json::from_str(text)?;
        let root = root.as_object().ok_or(SchemaError::Missing("top-level"))?;
        let mut tables = BTreeMap::new();
        for (name, value) in root {
            if name.starts_with('_') || name == "FIELDS" || name == "ENDPOINTS" {
                continue;
            }
            let table = match value {
                Value::Object(map) => EnumTable {
                    name: name.clone(),
                    values: map.keys().cloned().collect(),
                    labels: map
                        .iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or(k).to_string()))
                        .collect(),
                    set: map.keys().cloned().collect(),
                },
                Value::Array(items) => {
                    let values = items
                        .iter()
                        .map(|v| v.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()
                        .ok_or_else(|| SchemaError::Table {
                            table: name.clone(),
                        })?;
                    EnumTable {
                        name: name.clone(),
                        set: values.iter().cloned().collect(),
                        values,
                        labels: BTreeMap::new(),
                    }
                }
                _ => {
                    return Err(SchemaError::Table {
                        table: name.clone(),
                    });
                }
            };
            tables.insert(name.clone(), table);
        }
        let fields_obj = root
            .get("FIELDS")
            .and_then(Value::as_object)
            .ok_or(SchemaError::Missing("FIELDS"))?;
        let names: BTreeSet<String> = fields_obj.keys().cloned().collect();
        let mut fields: Vec<FieldRule> = Vec::new();
        let mut at_least_one = Vec::new();
        for (name, rule) in fields_obj {
            let rule_text = rule.as_str().ok_or_else(|| SchemaError::Clause {
                field: name.clone(),
                clause: rule.to_string(),
            })?;
            let reader = RuleReader {
                field: name,
                tables: &tables,
                fields: &names,
            };
            let mut shape = None;
            let mut field = FieldRule {
                name: name.clone(),
                shape: Shape::Text {
                    max: usize::MAX,
                    charset: None,
                },
                required: false,
                required_if: None,
                only_if: None,
                excluded_if: None,
                not_before: None,
            };
            let mut only_if_marker = false;
            let mut date_max = None;
            let mut charset = None;
            let mut max_len = None;
            for clause in split_clauses(rule_text) {
                match reader.clause(&clause, &fields)? {
                    Clause::Required => field.required = true,
                    Clause::Nothing | Clause::Nullable => {}
                    Clause::Shape(s) => shape = Some(s),
                    Clause::RequiredIf(c) => field.required_if = Some(c),
                    Clause::OnlyIf => only_if_marker = true,
                    Clause::ExcludedIf(c) => match unmark(&c) {
                        Some(c) => field.only_if = Some(c),
                        None => field.excluded_if = Some(c),
                    },
                    Clause::AtLeastOne(group) => at_least_one.push(group),
                    Clause::DateMax(d) => date_max = Some(d),
                    Clause::NotBefore(f) => field.not_before = Some(f),
                    Clause::Charset(c) => charset = Some(c),
                    Clause::MaxLen(n) => max_len = Some(n),
                }
            }
            // "iff" and "else excluded": absent unless required.
            if rule_text.contains(" iff ") || only_if_marker {
                field.only_if = field.required_if.clone().or(field.only_if);
            }
            field.shape = match (shape, max_len) {
                (Some(Shape::Date { min, max }), _) => Shape::Date {
                    min,
                    max: max.or(date_max),
                },
                (Some(s), _) => s,
                (None, Some(max)) => Shape::Text { max, charset },
                (None, None) => {
                    return Err(SchemaError::Clause {
                        field: name.clone(),
                        clause: rule_text.to_string(),
                    });
                }
            };
            fields.push(field);
        }
        let source = root
            .get("_source")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        Ok(Schema {
            tables,
            fields,
            at_least_one,
            source,
        })
    }

    pub fn table(&self, name: &str) -> Option<&EnumTable> {
        self.tables.get(name)
    }

    pub fn field(&self, name: &str) -> Option<&FieldRule> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Every way `statement` (a JSON object) breaks the schema; empty when it is valid. A
    /// `null` counts as absent.
    pub fn violations(&self, statement: &Value) -> Vec<Violation> {
        let mut out = Vec::new();
        let Some(obj) = statement.as_object() else {
            out.push(violation("(statement)", "is not a JSON object"));
            return out;
        };
        for key in obj.keys() {
            if self.field(key).is_none() {
                out.push(violation(key, "is not a field of the schema"));
            }
        }
        let present = |name: &str| obj.get(name).is_some_and(|v| !v.is_null());
        for rule in &self.fields {
            let name = rule.name.as_str();
            let conditional = rule.required_if.as_ref().is_some_and(|c| c.holds(obj));
            if !present(name) {
                if rule.required {
                    out.push(violation(name, "is required"));
                } else if conditional && let Some(c) = &rule.required_if {
                    out.push(violation(name, format!("is required when {c}")));
                }
                continue;
            }
            if let Some(c) = &rule.only_if
                && !c.holds(obj)
            {
                out.push(violation(name, format!("is only allowed when {c}")));
            }
            if let Some(c) = &rule.excluded_if
                && c.holds(obj)
            {
                out.push(violation(name, format!("is not allowed when {c}")));
            }
            if let Some(value) = obj.get(name) {
                self.check_shape(rule, value, &mut out);
            }
            if let Some(other) = &rule.not_before
                && let (Some(mine), Some(theirs)) = (
                    obj.get(name).and_then(Value::as_str),
                    obj.get(other).and_then(Value::as_str),
                )
                && is_date(mine)
                && is_date(theirs)
                && mine < theirs
            {
                out.push(violation(
                    name,
                    format!("{mine} is before {other} {theirs}"),
                ));
            }
        }
        for group in &self.at_least_one {
            if !group.iter().any(|f| present(f)) {
                out.push(violation(
                    &group.join("/"),
                    "at least one of these fields is required",
                ));
            }
        }
        out
    }

    fn check_shape(&self, rule: &FieldRule, value: &Value, out: &mut Vec<Violation>) {
        let name = rule.name.as_str();
        match &rule.shape {
            Shape::Text { max, charset } => {
                let Some(text) = value.as_str() else {
                    out.push(violation(name, "must be a string"));
                    return;
                };
                if text.trim().is_empty() {
                    out.push(violation(name, "must not be empty"));
                }
                let len = text.chars().count();
                if len > *max {
                    out.push(violation(
                        name,
                        format!("has {len} characters, at most {max} allowed"),
                    ));
                }
                if let Some(cs) = charset
                    && let Some(bad) = text.chars().find(|c| !cs.allows(*c))
                {
                    out.push(violation(
                        name,
                        format!("character {bad:?} does not match {}", cs.pattern),
                    ));
                }
            }
            Shape::Url { max } => match value.as_str() {
                Some(url) if url.chars().count() > *max => out.push(violation(
                    name,
                    format!(
                        "has {} characters, at most {max} allowed",
                        url.chars().count()
                    ),
                )),
                Some(url) if !is_http_url(url) => {
                    out.push(violation(name, "must be an http(s) URL"))
                }
                Some(_) => {}
                None => out.push(violation(name, "must be a string")),
            },
            Shape::OneOf { table } => match value.as_str() {
                Some(v) if self.tables.get(table).is_some_and(|t| t.contains(v)) => {}
                Some(v) => out.push(violation(name, format!("{v:?} is not one of {table}"))),
                None => out.push(violation(name, format!("must be one of {table}"))),
            },
            Shape::ManyOf { table } => {
                let Some(items) = value.as_array() else {
                    out.push(violation(name, format!("must be an array of {table}")));
                    return;
                };
                if items.is_empty() {
                    out.push(violation(name, "must not be empty"));
                }
                let mut seen = BTreeSet::new();
                for item in items {
                    match item.as_str() {
                        Some(v) if self.tables.get(table).is_some_and(|t| t.contains(v)) => {
                            if !seen.insert(v) {
                                out.push(violation(name, format!("{v:?} appears twice")));
                            }
                        }
                        Some(v) => {
                            out.push(violation(name, format!("{v:?} is not one of {table}")))
                        }
                        None => out.push(violation(name, format!("items must be {table} values"))),
                    }
                }
            }
            Shape::Date { min, max } => match value.as_str() {
                Some(d) if !is_date(d) => {
                    out.push(violation(name, format!("{d:?} is not a Y-m-d date")))
                }
                Some(d) => {
                    if let Some(min) = min
                        && d < min.as_str()
                    {
                        out.push(violation(name, format!("{d} is before {min}")));
                    }
                    if let Some(max) = max
                        && d > max.as_str()
                    {
                        out.push(violation(name, format!("{d} is after {max}")));
                    }
                }
                None => out.push(violation(name, "must be a Y-m-d string")),
            },
            Shape::DigitsObject { key, digits } => {
                let Some(obj) = value.as_object() else {
                    out.push(violation(name, "must be an object"));
                    return;
                };
                for (k, v) in obj {
                    if k != key {
                        out.push(violation(name, format!("key {k:?} is not allowed")));
                    } else if !v.as_str().is_some_and(|s| {
                        s.len() == *digits && s.bytes().all(|b| b.is_ascii_digit())
                    }) {
                        out.push(violation(name, format!("{key} must be {digits} digits")));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_for_real() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2024-13-01"));
        assert!(!is_date("2024-1-01"));
        assert!(!is_date("２０２４-01-01"));
    }

    #[test]
    fn charsets_read_ranges_and_a_trailing_dash() {
        let cs = Charset::parse("^[a-zA-Z0-9-_]+$").unwrap();
        for c in ['a', 'Z', '0', '9', '-', '_'] {
            assert!(cs.allows(c), "{c}");
        }
        for c in [' ', '/', '.', 'é', ':'] {
            assert!(!cs.allows(c), "{c}");
        }
    }

    #[test]
    fn clauses_split_outside_and_inside_parentheses() {
        let mut clauses = split_clauses("Y-m-d | null (<=2038-01-01; docs: >= application_date)");
        clauses.retain(|c| !c.is_empty());
        clauses.sort();
        assert_eq!(
            clauses,
            vec!["<=2038-01-01", ">= application_date", "Y-m-d", "null"]
        );
    }
}
