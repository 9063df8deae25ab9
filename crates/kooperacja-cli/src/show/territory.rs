//! `kooperacja territory`: the territory as a tree with TERYT codes.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::present::{self, label};

use crate::input::InputError;
use crate::show::done;
use crate::ui::{self, Csv, Ctx, Style, opt};
use kooperacja_core::territory::Level;

use crate::{Format, TerritoryArgs};

pub fn territory(
    args: &TerritoryArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let (project, register) = crate::input::load(&args.input)?;
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let area = project.area(as_of);
    let t = &area;
    let in_register =
        |code: &kooperacja_core::territory::TerytCode| Some(register.get(code).is_some());
    done(match args.input.format {
        Format::Json => ui::write_json(
            out,
            &serde_json::json!({
                "counts": {
                    "voivodeships": t.count(Level::Voivodeship),
                    "powiats": t.count(Level::Powiat),
                    "gminas": t.count(Level::Gmina),
                    "jst": t.jst_count(),
                },
                "stated": t.stated,
                "register": register.date(),
                "voivodeships": t.voivodeships,
            }),
        ),
        Format::Csv => {
            let mut csv = Csv::new(vec![
                "level",
                "code",
                "name",
                "parent",
                "gmina_type",
                "in_register",
            ]);
            for v in &t.voivodeships {
                csv.row(vec![
                    "voivodeship".into(),
                    v.code.to_string(),
                    v.name.clone(),
                    String::new(),
                    String::new(),
                    opt(in_register(&v.code)),
                ]);
                for p in &v.powiats {
                    csv.row(vec![
                        "powiat".into(),
                        p.code.to_string(),
                        p.name.clone(),
                        v.code.to_string(),
                        String::new(),
                        opt(in_register(&p.code)),
                    ]);
                    for g in &p.gminas {
                        csv.row(vec![
                            "gmina".into(),
                            g.code.to_string(),
                            g.name.clone(),
                            p.code.to_string(),
                            opt(g
                                .gmina_type
                                .or_else(|| g.code.gmina_type())
                                .map(|k| k.english())),
                            opt(in_register(&g.code)),
                        ]);
                    }
                }
            }
            csv.write(out)
        }
        Format::Table => (|| {
            let count = |n: usize| present::count(ctx.lang, u64::try_from(n).unwrap_or(u64::MAX));
            ui::heading(
                ctx,
                out,
                ctx.text(label::TERRITORY),
                &format!(" — {}", project.title),
            )?;
            writeln!(
                out,
                "{}: {}, {}: {}, {}: {}, JST: {}",
                ctx.text(label::VOIVODESHIPS),
                count(t.count(Level::Voivodeship)),
                ctx.text(label::POWIATS_WORD),
                count(t.count(Level::Powiat)),
                ctx.text(label::GMINAS_WORD),
                count(t.count(Level::Gmina)),
                count(t.jst_count())
            )?;
            writeln!(out)?;
            let nv = t.voivodeships.len();
            for (vi, v) in t.voivodeships.iter().enumerate() {
                let partner = v
                    .partner
                    .as_deref()
                    .map_or(String::new(), |p| format!("  [{p}]"));
                let counts = format!(
                    "{}  ({})",
                    partner,
                    ctx.fill(
                        label::POWIATS_AND_GMINAS,
                        &[
                            &count(v.powiats.len()),
                            &count(v.powiats.iter().map(|p| p.gminas.len()).sum::<usize>())
                        ]
                    ),
                );
                ui::fitted(
                    out,
                    &format!(
                        "{} {}{counts}",
                        ctx.paint(Style::CYAN, v.code.as_str()),
                        ctx.paint(Style::Bold, &v.name),
                    ),
                    &format!("{} {}{counts}", v.code.as_str(), v.name),
                    "   ",
                )?;
                let np = v.powiats.len();
                for (pi, p) in v.powiats.iter().enumerate() {
                    let (branch, stem) = if pi + 1 == np {
                        ("└─", "   ")
                    } else {
                        ("├─", "│  ")
                    };
                    ui::fitted(
                        out,
                        &format!(
                            "{branch} {} {}",
                            ctx.paint(Style::CYAN, p.code.as_str()),
                            p.name
                        ),
                        &format!("{branch} {} {}", p.code.as_str(), p.name),
                        &format!("{stem}   "),
                    )?;
                    let ng = p.gminas.len();
                    for (gi, g) in p.gminas.iter().enumerate() {
                        let twig = if gi + 1 == ng { "└─" } else { "├─" };
                        let kind = g
                            .gmina_type
                            .or_else(|| g.code.gmina_type())
                            .map_or(String::new(), |k| {
                                format!(" ({})", ctx.text(label::gmina_type(k)))
                            });
                        let more = if gi + 1 == ng { "   " } else { "│  " };
                        ui::fitted(
                            out,
                            &format!(
                                "{stem}{twig} {} {}{kind}",
                                ctx.paint(Style::CYAN, g.code.as_str()),
                                g.name
                            ),
                            &format!("{stem}{twig} {} {}{kind}", g.code.as_str(), g.name),
                            &format!("{stem}{more}   "),
                        )?;
                    }
                }
                if vi + 1 < nv {
                    writeln!(out)?;
                }
            }
            Ok(())
        })(),
    })
}
