//! The law of the budget by task: for any generated budget, validation finds
//! no `budget.*` error exactly when its lines sum to each task's stated total,
//! the tasks to the stated direct costs, and the direct plus the indirect costs
//! (the flat rate, rounded down) to the total, checked against an
//! independent model that sums the generated grosze itself.

use kooperacja_core::project::Project;
use kooperacja_core::validate::{Severity, validate};
use proptest::prelude::*;

/// A generated line: quantity and unit price in grosze (its total is their product).
#[derive(Debug, Clone)]
struct Line {
    quantity: u32,
    price: i64,
}

#[derive(Debug, Clone)]
struct Case {
    tasks: Vec<Vec<Line>>,
    /// Per task, grosze added to its stated total (0: stated exactly).
    task_offsets: Vec<i64>,
    direct_offset: i64,
    total_offset: i64,
    /// The flat rate in whole percent (0: no indirect costs).
    rate: u32,
}

fn grosze(g: i64) -> String {
    format!("{}.{:02}", g / 100, g % 100)
}

fn offset() -> impl Strategy<Value = i64> {
    prop_oneof![4 => Just(0i64), 1 => -500i64..500]
}

fn case() -> impl Strategy<Value = Case> {
    let line =
        (1u32..200, 1_000i64..2_000_000).prop_map(|(quantity, price)| Line { quantity, price });
    (1usize..5)
        .prop_flat_map(move |n| {
            (
                prop::collection::vec(prop::collection::vec(line.clone(), 1..5), n),
                prop::collection::vec(offset(), n),
                offset(),
                offset(),
                prop::sample::select(vec![0u32, 10, 15, 20, 25]),
            )
        })
        .prop_map(
            |(tasks, task_offsets, direct_offset, total_offset, rate)| Case {
                tasks,
                task_offsets,
                direct_offset,
                total_offset,
                rate,
            },
        )
}

/// The independent model: the sums in grosze, and whether they all hold once
/// the offsets are applied.
fn model(c: &Case) -> (Vec<i64>, i64, i64, bool) {
    let task_sums: Vec<i64> = c
        .tasks
        .iter()
        .map(|t| t.iter().map(|l| i64::from(l.quantity) * l.price).sum())
        .collect();
    let direct: i64 = task_sums.iter().sum();
    let indirect = direct * i64::from(c.rate) / 100; // rounded down, direct ≥ 0
    let total = direct + indirect;
    let holds =
        c.task_offsets.iter().all(|o| *o == 0) && c.direct_offset == 0 && c.total_offset == 0;
    (task_sums, direct, total, holds)
}

fn file(c: &Case) -> String {
    let (task_sums, direct, total, _) = model(c);
    let mut text = String::from(
        "format = 2\nid = \"p\"\ntitle = \"P\"\n\n[programme]\nname = \"P\"\nshort = \"P\"\naction = \"1\"\naction_name = \"A\"\nfund = \"EFS\"\n\n[[organisations]]\nid = \"lider\"\nrole = \"leader\"\nkind = \"rops\"\nname = \"ROPS\"\n",
    );
    for n in 1..=c.tasks.len() {
        text.push_str(&format!(
            "\n[[tasks]]\nnumber = {n}\ntitle = \"Zadanie {n}\"\n"
        ));
    }
    text.push_str(&format!(
        "\n[[versions]]\nid = \"umowa\"\nkind = \"agreement\"\nlabel = \"Umowa\"\nperiod = {{ start = 2020-01-01, end = 2020-12-31 }}\n\n[versions.goal]\ntext = \"Cel\"\n\n[versions.budget]\ntotal = \"{}\"\neu_contribution = \"unknown\"\ndirect_costs = \"{}\"\n",
        grosze(total + c.total_offset),
        grosze(direct + c.direct_offset),
    ));
    if c.rate > 0 {
        text.push_str(&format!(
            "indirect_costs = {{ flat_rate = \"{} %\", rounding = \"down\" }}\n",
            c.rate
        ));
    }
    for (t, lines) in c.tasks.iter().enumerate() {
        text.push_str(&format!(
            "\n[[versions.budget.tasks]]\ntask = {}\ntotal = \"{}\"\nlines = [\n",
            t + 1,
            grosze(task_sums[t] + c.task_offsets[t])
        ));
        for (k, l) in lines.iter().enumerate() {
            text.push_str(&format!(
                "  {{ id = \"{}.{}\", name = \"l\", partner = \"lider\", category = \"c\", quantity = \"{}\", unit_price = \"{}\", total = \"{}\" }},\n",
                t + 1,
                k + 1,
                l.quantity,
                grosze(l.price),
                grosze(i64::from(l.quantity) * l.price)
            ));
        }
        text.push_str("]\n");
    }
    text
}

proptest! {
    #[test]
    fn lines_tasks_and_total_add_up_exactly_when_the_budget_validates(c in case()) {
        let text = file(&c);
        let project = Project::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let errors: Vec<String> = validate(&project, None)
            .findings
            .into_iter()
            .filter(|f| f.code.starts_with("budget.") && f.severity == Severity::Error)
            .map(|f| format!("{} {}", f.code, f.message))
            .collect();
        let (_, _, _, holds) = model(&c);
        prop_assert_eq!(errors.is_empty(), holds, "{:?}\n{}", errors, text);
    }
}
