//! The territory section: voivodeships and powiats, the tile map, and the indicators by voivodeship.

use super::*;

impl Page<'_> {
    pub(super) fn territory(&self, out: &mut String) {
        let territory = &self.project.territory;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            label::TERRITORY_AND_INDICATORS.get(self.lang)
        ));
        self.tile_map(out);
        if territory.voivodeships.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n",
                label::NO_VOIVODESHIPS.get(self.lang)
            ));
        } else {
            out.push_str(&format!(
                "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                label::VOIVODESHIP_HEADING.get(self.lang),
                label::RESPONSIBLE_PARTNER.get(self.lang),
                label::POWIATS_WITH_GMINAS.get(self.lang)
            ));
            for v in &territory.voivodeships {
                let partner = v
                    .partner
                    .as_deref()
                    .map_or_else(|| "–".to_owned(), |p| esc(&self.organisation(p)));
                let powiats = if v.powiats.is_empty() {
                    format!(
                        "<span class=\"muted\">{}</span>",
                        label::NO_POWIATS_LISTED.get(self.lang)
                    )
                } else {
                    v.powiats
                        .iter()
                        .map(|p| {
                            format!(
                                "<span class=\"nowrap\">{} ({}, {})</span>",
                                esc(&p.name),
                                esc(p.code.as_str()),
                                label::GMINAS.count(
                                    self.lang,
                                    u64::try_from(p.gminas.len()).unwrap_or(u64::MAX)
                                )
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                out.push_str(&format!(
                    "<tr><th scope=\"row\"><span class=\"id nowrap\">{}</span> <span class=\"muted\">{}</span></th><td>{partner}</td><td>{powiats}</td></tr>\n",
                    esc(&v.name),
                    esc(v.code.as_str())
                ));
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("<div class=\"keep\">\n");
        self.breakdown(out);
        out.push_str("</div>\n");
        out.push_str("</section>\n");
    }

    /// The sixteen voivodeships as tiles; those of the project are highlighted
    /// with their number of powiats.
    pub(super) fn tile_map(&self, out: &mut String) {
        let c_accent = palette::ACCENT.hex();
        let c_line = palette::LINE.hex();
        let c_muted = palette::MUTED.hex();
        let c_plan = palette::PLAN.hex();
        let c_soft = palette::SOFT.hex();
        const TW: i64 = 228;
        const TH: i64 = 72;
        const GAP: i64 = 8;
        let voivodeships = &self.project.territory.voivodeships;
        let names: Vec<String> = voivodeships.iter().map(|v| v.name.clone()).collect();
        let title = label::TILE_MAP_TITLE.get(self.lang);
        let desc = format!(
            "{}: {}.",
            label::PROJECT_VOIVODESHIPS.get(self.lang),
            if names.is_empty() {
                label::NONE.get(self.lang).to_owned()
            } else {
                names.join(", ")
            }
        );
        out.push_str("<figure class=\"map\">\n");
        out.push_str(&format!(
            "<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"map-title map-desc\">\n<title id=\"map-title\">{}</title>\n<desc id=\"map-desc\">{}</desc>\n",
            4 * TW + 3 * GAP,
            4 * TH + 3 * GAP,
            esc(title),
            esc(&desc)
        ));
        for (code, name, row, col) in TILES {
            let (x, y) = (col * (TW + GAP), row * (TH + GAP));
            match voivodeships.iter().find(|v| v.code.as_str() == code) {
                Some(v) => {
                    out.push_str(&format!(
                        "<rect x=\"{x}\" y=\"{y}\" width=\"{TW}\" height=\"{TH}\" rx=\"5\" fill=\"{c_plan}\" stroke=\"{c_accent}\" stroke-width=\"2\"/>\n"
                    ));
                    out.push_str(&format!(
                        "<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
                        x + 10,
                        y + 24,
                        esc(&v.name)
                    ));
                    let powiats = if v.powiats.is_empty() {
                        label::WHOLE_REGION.get(self.lang).to_owned()
                    } else {
                        label::POWIATS.count(
                            self.lang,
                            u64::try_from(v.powiats.len()).unwrap_or(u64::MAX),
                        )
                    };
                    out.push_str(&format!(
                        "<text x=\"{}\" y=\"{}\" font-size=\"13\">{} · {}</text>\n",
                        x + 10,
                        y + 44,
                        esc(code),
                        powiats
                    ));
                    if let Some(p) = &v.partner {
                        let id = esc(p);
                        out.push_str(&format!(
                            "<text x=\"{}\" y=\"{}\" font-size=\"12\" style=\"fill:{c_muted}\">{id}</text>\n",
                            x + 10,
                            y + 62
                        ));
                    }
                }
                None => {
                    out.push_str(&format!(
                        "<rect x=\"{x}\" y=\"{y}\" width=\"{TW}\" height=\"{TH}\" rx=\"5\" fill=\"{c_soft}\" stroke=\"{c_line}\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"13\" style=\"fill:{c_muted}\">{name}</text>\n",
                        x + 10,
                        y + 24
                    ));
                }
            }
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<figcaption>{}</figcaption>\n</figure>\n",
            label::TILE_MAP_CAPTION.get(self.lang)
        ));
    }

    /// Each indicator's value by voivodeship, for the indicators that have one.
    pub(super) fn breakdown(&self, out: &mut String) {
        let r = self.report;
        let with: Vec<&IndicatorReport> = r
            .indicators
            .iter()
            .filter(|i| !i.by_voivodeship.is_empty())
            .collect();
        out.push_str(&format!(
            "<h3>{}</h3>\n",
            label::INDICATORS_BY_VOIVODESHIP.get(self.lang)
        ));
        if with.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n",
                label::NO_VALUES_BY_VOIVODESHIP.get(self.lang)
            ));
            return;
        }
        // The rows: the project's voivodeships in file order, then any other
        // key the facts name (such as `-`, no territory), in order of appearance.
        let mut keys: Vec<String> = self
            .project
            .territory
            .voivodeships
            .iter()
            .map(|v| v.code.as_str().to_owned())
            .collect();
        for i in &with {
            for part in &i.by_voivodeship {
                if !keys.contains(&part.key) {
                    keys.push(part.key.clone());
                }
            }
        }
        out.push_str("<table class=\"breakdown\">\n<thead><tr>");
        out.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            label::VOIVODESHIP_HEADING.get(self.lang)
        ));
        for i in &with {
            out.push_str(&format!(
                "<th scope=\"col\" class=\"num\" title=\"{}\">{}</th>",
                esc(self.indicator_name(i)),
                esc(&i.id)
            ));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for key in &keys {
            out.push_str(&format!(
                "<tr><th scope=\"row\"><span class=\"nowrap\">{}</span> <span class=\"muted\">{}</span></th>",
                esc(&self.voivodeship(key)),
                if key == "-" { String::new() } else { esc(key) }
            ));
            for i in &with {
                let cell = i.by_voivodeship.iter().find(|p| &p.key == key).map_or_else(
                    || "<span class=\"muted\">–</span>".to_owned(),
                    |p| self.indicator_value(i, p.value),
                );
                out.push_str(&format!("<td class=\"num\">{cell}</td>"));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        let without: Vec<String> = r
            .indicators
            .iter()
            .filter(|i| i.by_voivodeship.is_empty())
            .map(|i| esc(&i.id))
            .collect();
        if !without.is_empty() {
            out.push_str(&format!(
                "<p class=\"small\">{}: {}.</p>\n",
                label::WITHOUT_VALUES_BY_VOIVODESHIP.get(self.lang),
                without.join(", ")
            ));
        }
    }
}
