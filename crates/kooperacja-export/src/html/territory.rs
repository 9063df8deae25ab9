//! The territory section: voivodeships and powiats, the tile map, and the
//! indicators by voivodeship.

use maud::{Markup, html};

use super::*;

impl Page<'_> {
    pub(super) fn territory(&self) -> Markup {
        let territory = self.area;
        let lang = self.lang;
        html! {
            section {
                "\n"
                h2 { (label::TERRITORY_AND_INDICATORS.get(lang)) }
                "\n"
                (self.tile_map())
                @if territory.voivodeships.is_empty() {
                    p class="muted" { (label::NO_VOIVODESHIPS.get(lang)) }
                    "\n"
                } @else {
                    table {
                        "\n"
                        thead {
                            tr {
                                th scope="col" { (label::VOIVODESHIP_HEADING.get(lang)) }
                                th scope="col" { (label::RESPONSIBLE_PARTNER.get(lang)) }
                                th scope="col" { (label::POWIATS_WITH_GMINAS.get(lang)) }
                            }
                        }
                        "\n"
                        tbody {
                            "\n"
                            @for v in &territory.voivodeships {
                                tr {
                                    th scope="row" {
                                        span class="id nowrap" { (v.name) } " "
                                        span class="muted" { (v.code.as_str()) }
                                    }
                                    td {
                                        @match v.partner.as_deref() {
                                            Some(p) => (self.source(&self.organisation(p))),
                                            None => "–",
                                        }
                                    }
                                    td {
                                        @if v.powiats.is_empty() {
                                            span class="muted" { (label::NO_POWIATS_LISTED.get(lang)) }
                                        }
                                        @for (n, p) in v.powiats.iter().enumerate() {
                                            @if n > 0 { ", " }
                                            span class="nowrap" {
                                                (p.name) " (" (p.code.as_str()) ", "
                                                (label::GMINAS_COUNTED.count(lang, u64::try_from(p.gminas.len()).unwrap_or(u64::MAX)))
                                                ")"
                                            }
                                        }
                                    }
                                }
                                "\n"
                            }
                        }
                        "\n"
                    }
                    "\n"
                }
                div class="keep" {
                    "\n"
                    (self.breakdown())
                }
                "\n"
            }
            "\n"
        }
    }

    /// The sixteen voivodeships as tiles; those of the project are highlighted
    /// with their number of powiats.
    fn tile_map(&self) -> Markup {
        let lang = self.lang;
        const TW: i64 = 228;
        const TH: i64 = 72;
        const GAP: i64 = 8;
        let voivodeships = &self.area.voivodeships;
        let names: Vec<String> = voivodeships.iter().map(|v| v.name.clone()).collect();
        let desc = format!(
            "{}: {}.",
            label::PROJECT_VOIVODESHIPS.get(lang),
            if names.is_empty() {
                label::NONE.get(lang).to_owned()
            } else {
                names.join(", ")
            }
        );
        let (accent, line, muted, plan, soft) = (
            palette::ACCENT.hex(),
            palette::LINE.hex(),
            palette::MUTED.hex(),
            palette::PLAN.hex(),
            palette::SOFT.hex(),
        );
        html! {
            figure class="map" {
                "\n"
                svg viewBox={ "0 0 " (4 * TW + 3 * GAP) " " (4 * TH + 3 * GAP) } role="img"
                    aria-labelledby="map-title map-desc" {
                    "\n"
                    title id="map-title" { (label::TILE_MAP_TITLE.get(lang)) }
                    "\n"
                    desc id="map-desc" { (desc) }
                    "\n"
                    @for (code, row, col) in TILES {
                        @let name = voivodeship_name(code).unwrap_or(code);
                        @let (x, y) = (col * (TW + GAP), row * (TH + GAP));
                        @match voivodeships.iter().find(|v| v.code.as_str() == code) {
                            Some(v) => {
                                rect x=(x) y=(y) width=(TW) height=(TH) rx="5" fill=(plan) stroke=(accent) stroke-width="2" {}
                                "\n"
                                text x=(x + 10) y=(y + 24) font-size="15" font-weight="bold" { (v.name) }
                                "\n"
                                text x=(x + 10) y=(y + 44) font-size="13" {
                                    (code) " · "
                                    @if v.powiats.is_empty() {
                                        (label::WHOLE_REGION.get(lang))
                                    } @else {
                                        (label::POWIATS_COUNTED.count(lang, u64::try_from(v.powiats.len()).unwrap_or(u64::MAX)))
                                    }
                                }
                                "\n"
                                @if let Some(p) = &v.partner {
                                    text x=(x + 10) y=(y + 62) font-size="12" style={ "fill:" (muted) } { (p) }
                                    "\n"
                                }
                            }
                            None => {
                                rect x=(x) y=(y) width=(TW) height=(TH) rx="5" fill=(soft) stroke=(line) {}
                                "\n"
                                text x=(x + 10) y=(y + 24) font-size="13" style={ "fill:" (muted) } { (name) }
                                "\n"
                            }
                        }
                    }
                }
                "\n"
                figcaption { (label::TILE_MAP_CAPTION.get(lang)) }
                "\n"
            }
            "\n"
        }
    }

    /// Each indicator's value by voivodeship, for the indicators that have one.
    fn breakdown(&self) -> Markup {
        let r = self.report;
        let lang = self.lang;
        let with: Vec<&IndicatorReport> = r
            .indicators
            .iter()
            .filter(|i| !i.by_voivodeship.is_empty())
            .collect();
        // The rows: the project's voivodeships in file order, then any other
        // key the facts name (such as `-`, no territory), in order of appearance.
        let mut keys: Vec<String> = self
            .area
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
        let without: Vec<&str> = r
            .indicators
            .iter()
            .filter(|i| i.by_voivodeship.is_empty())
            .map(|i| i.id.as_str())
            .collect();
        html! {
            h3 { (label::INDICATORS_BY_VOIVODESHIP.get(lang)) }
            "\n"
            @if with.is_empty() {
                p class="muted" { (label::NO_VALUES_BY_VOIVODESHIP.get(lang)) }
                "\n"
            } @else {
                table class="breakdown" {
                    "\n"
                    thead {
                        tr {
                            th scope="col" { (label::VOIVODESHIP_HEADING.get(lang)) }
                            @for i in &with {
                                th scope="col" class="num" title=(self.indicator_name(i)) { (i.id) }
                            }
                        }
                    }
                    "\n"
                    tbody {
                        "\n"
                        @for key in &keys {
                            tr {
                                th scope="row" {
                                    span class="nowrap" { (self.voivodeship(key)) } " "
                                    span class="muted" { @if key != "-" { (key) } }
                                }
                                @for i in &with {
                                    td class="num" {
                                        @match i.by_voivodeship.iter().find(|p| &p.key == key) {
                                            Some(p) => (self.indicator_value(i, p.value)),
                                            None => span class="muted" { "–" },
                                        }
                                    }
                                }
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
                "\n"
                @if !without.is_empty() {
                    p class="small" {
                        (label::WITHOUT_VALUES_BY_VOIVODESHIP.get(lang)) ": " (without.join(", ")) "."
                    }
                    "\n"
                }
            }
        }
    }
}
