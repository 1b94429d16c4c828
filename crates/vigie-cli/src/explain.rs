//! `vigie explain "text"`: one decision, for a person to read, with the evidence marked in the
//! text.

use std::io::IsTerminal;

use vigie_engine::Post;
use vigie_policy::{Decision, Mode, PostContext};

use crate::engine_args::EngineArgs;

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The post to explain.
    pub text: String,
    /// Language of the post (en, fr…); detected when absent.
    #[arg(long)]
    pub lang: Option<String>,
    /// Print the decision as JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub engine: EngineArgs,
}

pub fn run(args: &ExplainArgs) -> anyhow::Result<()> {
    let engine = args.engine.build()?;
    let context = PostContext {
        lang: args.lang.clone(),
        ..PostContext::default()
    };
    let decision = engine.decide(&Post {
        id: "explain",
        text: &args.text,
        context: &context,
    });
    if args.json {
        crate::outln!("{}", serde_json::to_string_pretty(&decision)?)?;
    } else {
        let mut text = render(&args.text, &decision, std::io::stdout().is_terminal());
        let hint = args.lang.as_deref().map(vigie_text::Lang::from_code);
        text.push_str(&render_classifier(
            &engine.explain_classifier(&args.text, hint, 3),
        ));
        crate::out::print(&text)?;
    }
    Ok(())
}

/// Marks evidence spans in the text: ANSI reverse video on a terminal, «…» otherwise.
pub fn highlight(text: &str, decision: &Decision, color: bool) -> String {
    let mut spans: Vec<(usize, usize)> = decision
        .evidence
        .iter()
        .map(|e| (e.start as usize, e.end as usize))
        .filter(|(s, e)| {
            s < e && text.is_char_boundary(*s) && text.is_char_boundary(*e) && *e <= text.len()
        })
        .collect();
    spans.sort();
    // Overlapping evidence is merged so markers never nest.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let (open, close) = if color {
        ("\x1b[7;31m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    let mut out = String::with_capacity(text.len() + merged.len() * 8);
    let mut at = 0;
    for (s, e) in merged {
        out.push_str(&text[at..s]);
        out.push_str(open);
        out.push_str(&text[s..e]);
        out.push_str(close);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

pub fn render(text: &str, d: &Decision, color: bool) -> String {
    let mut out = String::new();
    out.push_str(&format!("\n  {}\n\n", highlight(text, d, color)));
    out.push_str(&format!(
        "action      {}{}\n",
        d.action,
        d.reason_code
            .as_deref()
            .map(|r| format!("  (reason: {r})"))
            .unwrap_or_default()
    ));
    out.push_str(&format!(
        "language    {} ({:.2})\n",
        d.lang, d.lang_confidence
    ));
    if d.categories.is_empty() {
        out.push_str("categories  none\n");
    } else {
        out.push_str("categories\n");
        for c in &d.categories {
            let bar = "█".repeat((c.score * 20.0).round().clamp(0.0, 20.0) as usize);
            out.push_str(&format!(
                "  {:<16} {:.2} {bar}\n",
                c.category.name(),
                c.score
            ));
        }
    }
    if !d.evidence.is_empty() {
        out.push_str("evidence\n");
        for e in &d.evidence {
            out.push_str(&format!(
                "  {:<16} {:<14} bytes {:>4}..{:<4} {:?} ← {}\n",
                e.category.name(),
                e.detector,
                e.start,
                e.end,
                e.text,
                e.matched
            ));
        }
    }
    if !d.targets.is_empty() {
        out.push_str("targets\n");
        for t in &d.targets {
            out.push_str(&format!(
                "  {}\n",
                serde_json::to_string(t).unwrap_or_default()
            ));
        }
    }
    if !d.rules.is_empty() {
        out.push_str("rules\n");
        for r in &d.rules {
            let mode = match r.mode {
                Mode::Enforce => "enforce",
                Mode::Shadow => "shadow (not enforced)",
            };
            out.push_str(&format!(
                "  {:<24} → {:<16} {mode}\n",
                r.id,
                r.action.name()
            ));
        }
    }
    out.push_str(&format!("policy      {}\n", d.policy_version));
    let dets: Vec<String> = d
        .detectors
        .iter()
        .map(|v| format!("{}@{}", v.name, v.version))
        .collect();
    out.push_str(&format!("detectors   {}\n", dets.join(", ")));
    out.push_str(&format!("latency     {} µs\n", d.latency_us));
    out
}

/// The classifier's reasons, for the categories it scored at 0.2 or more.
pub fn render_classifier(explanations: &[vigie_classify::Explanation]) -> String {
    let shown: Vec<_> = explanations.iter().filter(|e| e.score >= 0.2).collect();
    if shown.is_empty() {
        return String::new();
    }
    let mut out = String::from("classifier (top features, + raise / − lower the score)\n");
    for e in shown {
        out.push_str(&format!(
            "  {:<16} {:.2} (threshold {:.2})\n",
            e.category.name(),
            e.score,
            e.threshold
        ));
        for c in &e.positive {
            out.push_str(&format!("    + {:<32} {:+.2}\n", c.feature, c.weight));
        }
        for c in &e.negative {
            out.push_str(&format!("    − {:<32} {:+.2}\n", c.feature, c.weight));
        }
    }
    out
}
