//! The test `docs/indicators.md` shows ("Laws about your own rules"): a law a
//! team states about its own rule with `kooperacja_core::strategies`, in a few
//! lines. `scripts/cli-docs/gen.sh` pastes the lines between the `docs:`
//! markers into the page, so the page shows what compiles and passes here.
#![cfg(feature = "proptest")]

// docs:begin
use std::sync::LazyLock;

use kooperacja_core::engine::Engine;
use kooperacja_core::project::Project;
use kooperacja_core::strategies::{as_of, facts_for};
use proptest::prelude::*;

static PROJECT: LazyLock<Project> = LazyLock::new(|| {
    let text = include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml");
    Project::parse(text).expect("our project file parses")
});

proptest! {
    /// Our `persons-supported` never drops as the date moves on, whatever
    /// was recorded, recorded again or retracted.
    #[test]
    fn persons_supported_never_drop(facts in facts_for(&PROJECT), a in as_of(&PROJECT), b in as_of(&PROJECT)) {
        let mut engine = Engine::new(PROJECT.clone(), None);
        for fact in &facts {
            engine.apply(fact);
        }
        let persons = |date| engine.report(date).indicators.iter()
            .find(|i| i.id == "persons-supported").and_then(|i| i.value);
        prop_assert!(persons(a.min(b)) <= persons(a.max(b)));
    }
}
// docs:end
