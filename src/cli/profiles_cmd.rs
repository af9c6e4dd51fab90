//! `beslut profiles [NAME|FILE]`: list the built-in profiles and the rules,
//! or show one profile in full (which also checks a profile file).

use super::{ProfilesArgs, check::load_profile, exit};
use beslut::{Profile, Rule, SectionKind};
use std::fmt::Write as _;

pub fn run(args: &ProfilesArgs) -> u8 {
    let out = match &args.profile {
        None => overview(),
        Some(arg) => match load_profile(arg) {
            Ok(p) => detail(&p),
            Err(e) => {
                eprintln!("beslut: {e}");
                return exit::USAGE;
            }
        },
    };
    super::write_stdout(&out)
}

fn kinds(out: &mut String, title: &str, kinds: &[SectionKind]) {
    let _ = writeln!(out, "  {title}:");
    for k in kinds {
        let _ = writeln!(out, "    {:<36}{}", k.id(), k.swedish());
    }
}

/// The built-ins and every rule, for choosing `--profile` and writing `[rules]`.
fn overview() -> String {
    let mut out = String::from(
        "Built-in profiles (choose one with --profile NAME, or give a profile file):\n",
    );
    for (i, name) in Profile::BUILTIN_NAMES.iter().enumerate() {
        let Some(p) = Profile::builtin(name) else { continue };
        let default = if i == 0 { " (default)" } else { "" };
        let _ = writeln!(out, "\n{name}{default}: {}", p.description());
        kinds(&mut out, "requires, in this order", p.required());
    }
    out.push_str(
        "\nRules (a profile file's [rules] table sets each to \"error\", \"warning\", \"info\" or \"off\"):\n",
    );
    for rule in Rule::ALL {
        let _ = writeln!(
            out,
            "  {:<27}{:<9}{}",
            rule.code(),
            rule.default_severity().as_str(),
            rule.summary()
        );
    }
    out
}

/// One profile in full.
fn detail(p: &Profile) -> String {
    let mut out = format!("{}: {}\n", p.name(), p.description());
    kinds(&mut out, "requires", p.required());
    kinds(&mut out, "order", p.order());
    kinds(&mut out, "may have", p.optional());
    let repeatable: Vec<&str> = p.repeatable().iter().map(|k| k.id()).collect();
    let _ = writeln!(out, "  may repeat: {}", repeatable.join(", "));
    if !p.extra_headings().is_empty() {
        out.push_str("  extra headings:\n");
        for (kind, heading) in p.extra_headings() {
            let _ = writeln!(out, "    {:<36}{heading}", kind.id());
        }
    }
    if !p.known_recipients().is_empty() {
        let _ = writeln!(out, "  known recipients: {}", p.known_recipients().join(", "));
    }
    let _ = writeln!(out, "  low-ocr-quality threshold: {}", p.ocr_threshold());
    out.push_str("  rules:\n");
    for rule in Rule::ALL {
        let level = p.severity(rule).map_or("off", |s| s.as_str());
        let changed = if p.severity(rule) == Some(rule.default_severity()) { "" } else { "  *" };
        let _ = writeln!(out, "    {:<27}{level}{changed}", rule.code());
    }
    out
}
