//! What every status and reason code means, and how to mend a sentence that
//! earns it: the text behind `whosaid explain`, the SARIF rules and the
//! validation of configuration keys and suppression lists.

/// One reason code a claim can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason {
    pub code: &'static str,
    pub status: &'static str,
    /// One line: what whosaid saw.
    pub summary: &'static str,
    /// Why it matters and how to fix the sentence.
    pub fix: &'static str,
    /// A sentence that earns the reason, and one that does not.
    pub example: (&'static str, &'static str),
}

/// The statuses, in order of concern.
pub const STATUSES: &[(&str, &str)] = &[
    (
        "attributed",
        "The claim is tied to an identifiable source that originated it.",
    ),
    (
        "unattributed",
        "The article asserts the claim on its own authority: no source, a quotation with no speaker, or weasel wording.",
    ),
    (
        "hearsay",
        "The claim reaches the article through a source that did not originate it or cannot be identified.",
    ),
    (
        "none",
        "Not a claim: a heading without a verb or a credit line.",
    ),
];

pub const REASONS: &[Reason] = &[
    Reason {
        code: "named-source",
        status: "attributed",
        summary: "the claim is tied to a named source that originated it",
        fix: "Nothing to fix. Check that the name is the fullest form the reader needs (title and affiliation on first mention).",
        example: ("", "The bridge will close in May, the city council said."),
    },
    Reason {
        code: "continued-quote",
        status: "attributed",
        summary: "a quotation carried on from an attributed one",
        fix: "Nothing to fix. If the speaker changes, attribute the new quotation.",
        example: ("", "\"We are ready,\" Ms Lee said. \"The work starts Monday.\""),
    },
    Reason {
        code: "rumour",
        status: "hearsay",
        summary: "the claim rests on rumours",
        fix: "Find who is saying it and name them, or confirm it independently and say how; otherwise say plainly that it is unconfirmed.",
        example: ("Rumours say the club will be sold.", "The club will be sold, its owner Ana Ruiz said."),
    },
    Reason {
        code: "report",
        status: "hearsay",
        summary: "the claim rests on unnamed \"reports\"",
        fix: "Name the outlet or document that reported it (\"the Herald reported\"), and whether you have confirmed it.",
        example: ("Reports suggest the mine will close.", "The mine will close, the Herald reported on Monday."),
    },
    Reason {
        code: "speculation",
        status: "hearsay",
        summary: "the claim rests on speculation",
        fix: "Say who speculates and on what grounds, or drop the claim.",
        example: ("There is speculation that the minister will quit.", "Two MPs said they expected the minister to quit."),
    },
    Reason {
        code: "reportedly",
        status: "hearsay",
        summary: "\"reportedly\" hides who reported it",
        fix: "Replace \"reportedly\" with the source that reported it.",
        example: ("The minister reportedly resigned.", "The minister resigned, the state broadcaster reported."),
    },
    Reason {
        code: "allegedly",
        status: "hearsay",
        summary: "\"allegedly\" hides who alleges it",
        fix: "Name who makes the allegation (a prosecutor, a lawsuit, a complainant).",
        example: ("The firm allegedly hid the losses.", "The firm hid the losses, prosecutors allege."),
    },
    Reason {
        code: "said-to",
        status: "hearsay",
        summary: "\"is said to\" hides who says it",
        fix: "Name who says it.",
        example: ("Hospitals are said to be under strain.", "Hospitals are under strain, the health ministry said."),
    },
    Reason {
        code: "understood",
        status: "hearsay",
        summary: "\"it is understood\" hides the source",
        fix: "Say who told you, or how you know (a document, a person in a named role).",
        example: ("It is understood that the deal is off.", "The deal is off, two people involved in the talks said."),
    },
    Reason {
        code: "unconfirmed",
        status: "hearsay",
        summary: "the claim is flagged as unconfirmed",
        fix: "Confirm it and name the source, or keep the caveat and weigh whether it belongs in the story.",
        example: ("Unconfirmed accounts put the toll at 40.", "The toll was 40, the regional governor said."),
    },
    Reason {
        code: "anonymous",
        status: "hearsay",
        summary: "the source is unnamed or anonymous",
        fix: "Name the source if you can; if not, say why they cannot be named and how they know (\"a ministry official involved in the talks\").",
        example: ("Sources said the vote was rigged.", "The vote was rigged, election monitor Ada Nwosu said."),
    },
    Reason {
        code: "unnamed-media",
        status: "hearsay",
        summary: "the source is media in general (\"local media\", \"the press\")",
        fix: "Name the outlet, and the source it cites.",
        example: ("Local media said the mayor fled.", "The mayor fled, the Valdora Courier reported, citing police."),
    },
    Reason {
        code: "relayed",
        status: "hearsay",
        summary: "a named source relays what someone else said, thinks or wants",
        fix: "Go to the originator if you can; otherwise keep the chain visible (\"X told Y, according to Z\") and consider whether the relay is reliable. A desk can trust a relay through a known source in whosaid.toml.",
        example: ("According to KCNA, the Kremlin leader thanked Kim.", "The Kremlin said Putin thanked Kim."),
    },
    Reason {
        code: "relayed-anonymous",
        status: "hearsay",
        summary: "a source relays what an unnamed source said",
        fix: "Find the originator, or say why they cannot be named.",
        example: ("The paper said sources told it the deal was off.", "The deal was off, the trade minister said."),
    },
    Reason {
        code: "no-source",
        status: "unattributed",
        summary: "the article asserts the claim with no source",
        fix: "If it is common knowledge or your own reporting, leave it; otherwise add who says so or how it is known.",
        example: ("The factory employs 2,000 people.", "The factory employs 2,000 people, according to its annual report."),
    },
    Reason {
        code: "orphan-quote",
        status: "unattributed",
        summary: "a quotation with no speaker",
        fix: "Say who said it.",
        example: ("\"We will not back down.\"", "\"We will not back down,\" union leader Sam Okoro said."),
    },
    Reason {
        code: "weasel",
        status: "unattributed",
        summary: "weasel wording hides the source in a vague crowd",
        fix: "Name who says it (\"some experts\" → which experts), or cut the claim.",
        example: ("Critics argue the plan is too costly.", "The plan is too costly, opposition leader Rui Costa said."),
    },
    Reason {
        code: "heading",
        status: "none",
        summary: "a heading without a verb: not a claim",
        fix: "Nothing to fix.",
        example: ("", "Heatwave breaks June record"),
    },
    Reason {
        code: "credit",
        status: "none",
        summary: "a credit line: not a claim",
        fix: "Nothing to fix.",
        example: ("", "By Jane Smith"),
    },
];

/// The reason with this code.
pub fn reason(code: &str) -> Option<&'static Reason> {
    REASONS.iter().find(|r| r.code == code)
}

/// Whether `word` names a status or a reason (configuration keys,
/// suppression lists).
pub fn is_known(word: &str) -> bool {
    STATUSES.iter().any(|(s, _)| *s == word) || reason(word).is_some()
}

/// Every status and reason code, for error messages.
pub fn known_words() -> Vec<&'static str> {
    STATUSES
        .iter()
        .map(|(s, _)| *s)
        .chain(REASONS.iter().map(|r| r.code))
        .collect()
}

/// The text of `whosaid explain WORD`: a reason, or a status with its
/// reasons.
pub fn explain(word: &str) -> Option<String> {
    use std::fmt::Write as _;
    let mut out = String::new();
    if let Some(r) = reason(word) {
        let _ = writeln!(out, "{}[{}]: {}", r.status, r.code, r.summary);
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", r.fix);
        let (bad, good) = r.example;
        if !bad.is_empty() {
            let _ = writeln!(out);
            let _ = writeln!(out, "  flagged:  {bad}");
            let _ = writeln!(out, "  better:   {good}");
        } else if !good.is_empty() {
            let _ = writeln!(out);
            let _ = writeln!(out, "  example:  {good}");
        }
        return Some(out);
    }
    let (status, what) = STATUSES.iter().find(|(s, _)| *s == word)?;
    let _ = writeln!(out, "{status}: {what}");
    let _ = writeln!(out);
    for r in REASONS.iter().filter(|r| r.status == *status) {
        let _ = writeln!(out, "  {:<18} {}", r.code, r.summary);
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "`whosaid explain REASON` tells how to fix each one.");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::Kind;

    /// Every reason code the pipeline can assign has an explanation: the
    /// literals in `provenance.rs` and the hearsay tags of the grammar.
    #[test]
    fn every_reason_the_pipeline_assigns_is_explained() {
        let src = include_str!("provenance.rs");
        let mut found = Vec::new();
        for marker in [
            "reason = \"",
            "Status::Hearsay, \"",
            "Status::Unattributed, \"",
        ] {
            for (at, _) in src.match_indices(marker) {
                let rest = &src[at + marker.len()..];
                let code = &rest[..rest.find('"').unwrap()];
                found.push(code.to_string());
            }
        }
        found.extend(Kind::Hearsay.tags().iter().map(|t| t.to_string()));
        assert!(found.len() > 10, "{found:?}");
        for code in found {
            assert!(
                reason(&code).is_some(),
                "reason {code:?} has no explanation"
            );
        }
    }

    #[test]
    fn explain_knows_reasons_and_statuses_only() {
        let e = explain("relayed").unwrap();
        assert!(e.starts_with("hearsay[relayed]:"), "{e}");
        assert!(e.contains("better:"));
        let s = explain("unattributed").unwrap();
        assert!(s.contains("orphan-quote") && s.contains("weasel"), "{s}");
        assert!(explain("loud").is_none());
        assert!(is_known("weasel") && is_known("hearsay") && !is_known("loud"));
    }
}
