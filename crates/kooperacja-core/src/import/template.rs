//! The sheet a coordinator fills in: one kind of fact, one column per field,
//! in Polish or English, with what each column takes.
//!
//! [`Template`] is a value an adapter renders (the command line writes it as
//! XLSX). Its headers come from [`field_header`] and [`base_header`], the
//! functions [`import`](super::import) reads headers back with, and its data
//! sheet is named after the kind, so a filled-in template imports as it is.

use crate::present::{Lang, label};
use crate::project::Project;
use crate::vocabulary::{FactKindDecl, FieldDecl, FieldType, Vocabulary};

use super::{base_header, field_header};

/// What a column's cells hold, as a spreadsheet types them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CellType {
    /// Text, kept as written (ids, keys, TERYT codes with their leading
    /// zero, free text): the cells are formatted as text.
    Text,
    /// A day: the cells are formatted as dates.
    Date,
    /// An amount in złoty: numbers shown with two decimal places.
    Amount,
    /// A whole number from 0 (a count, days).
    Whole,
    /// Hours, with at most two decimal places.
    Hours,
}

/// One column of the data sheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Column {
    /// The field's id (a base field: `date`, `by`, `territory`, `note`).
    pub field: String,
    /// The header, in the template's language.
    pub header: String,
    /// What the cells hold.
    pub cell: CellType,
    /// Whether every row must fill it.
    pub required: bool,
    /// Whether a cell may hold several values (separated by spaces).
    pub many: bool,
    /// What to write in it, in the template's language.
    pub help: String,
    /// The values to choose from, as the import reads them (an
    /// enumeration's labels in the template's language; the project's ids of
    /// organisations, groups, roles and sectors); empty when the value is free.
    pub choices: Vec<String>,
}

/// The sheet to fill in for one kind of fact.
///
/// ```
/// use kooperacja_core::import::template::{CellType, Template};
/// use kooperacja_core::present::Lang;
/// use kooperacja_core::project::Project;
/// let project = Project::parse(include_str!("../../../../fixtures/projects/koordynacja-kujawy-pomorze.toml"))?;
/// let template = Template::new(&project, "coaching", Lang::Pl).expect("a declared kind");
/// assert_eq!(template.sheet, "coaching");
/// let headers: Vec<&str> = template.columns.iter().map(|c| c.header.as_str()).collect();
/// assert_eq!(headers, ["Data", "Organizacja", "Terytorium", "osoba", "forma", "rola", "Uwagi"]);
/// let form = &template.columns[4];
/// assert!(form.required);
/// assert_eq!(form.choices, ["indywidualny", "grupowy"]);
/// assert_eq!(template.columns[0].cell, CellType::Date);
/// assert_eq!(template.instructions_sheet, "Instrukcja");
/// assert!(Template::new(&project, "no-such-kind", Lang::Pl).is_none());
/// # Ok::<(), kooperacja_core::parse::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Template {
    /// The kind's id.
    pub kind: String,
    /// The data sheet's name: the kind's name in the template's language
    /// (its id when the name cannot name a sheet), which the import reads
    /// as the kind of its rows.
    pub sheet: String,
    /// The columns, in order: the date, the organisation, the territory,
    /// the kind's declared fields, the note.
    pub columns: Vec<Column>,
    /// The instructions sheet's name (`Instrukcja`, `Instructions`), which
    /// the import skips.
    pub instructions_sheet: String,
    /// The instructions, one line each: how to fill the sheet in, then one
    /// line per column (`header: help`).
    pub instructions: Vec<String>,
}

/// The longest sheet name a spreadsheet takes.
const MAX_SHEET_NAME: usize = 31;

/// Whether `name` can name a sheet: 1 to 31 characters, none of `[]:*?/\`,
/// not starting or ending with an apostrophe.
fn can_name_a_sheet(name: &str) -> bool {
    let count = name.chars().count();
    (1..=MAX_SHEET_NAME).contains(&count)
        && !name.contains(['[', ']', ':', '*', '?', '/', '\\'])
        && !name.starts_with('\'')
        && !name.ends_with('\'')
}

impl Template {
    /// The template of the kind `kind` (its id, or its Polish or English
    /// name, case-insensitively) of `project`, in `lang`; `None` when the
    /// project has no such kind.
    pub fn new(project: &Project, kind: &str, lang: Lang) -> Option<Template> {
        let vocabulary = project.vocabulary();
        let decl = find_kind(vocabulary, kind)?;
        let name = vocabulary.kind_label(&decl.id, lang);
        let sheet = if can_name_a_sheet(name) {
            name.to_owned()
        } else {
            decl.id.chars().take(MAX_SHEET_NAME).collect()
        };
        let columns = columns(project, decl, lang);
        let mut instructions = vec![
            label::TEMPLATE_FOR_KIND.fill(lang, &[&name, &project.id]),
            label::TEMPLATE_ONE_ROW_ONE_FACT.fill(lang, &[&sheet]),
            label::TEMPLATE_REQUIRED_BOLD.get(lang).to_owned(),
            label::TEMPLATE_TYPED_CELLS.get(lang).to_owned(),
            label::TEMPLATE_PERSONS.get(lang).to_owned(),
            label::TEMPLATE_NO_MERGING.get(lang).to_owned(),
            label::TEMPLATE_HOW_TO_IMPORT.get(lang).to_owned(),
            String::new(),
            label::TEMPLATE_COLUMNS.get(lang).to_owned(),
        ];
        instructions.extend(
            columns
                .iter()
                .map(|c| label::TEMPLATE_COLUMN_LINE.fill(lang, &[&c.header, &c.help])),
        );
        Some(Template {
            kind: decl.id.clone(),
            sheet,
            columns,
            instructions_sheet: label::SHEET_OF_INSTRUCTIONS.get(lang).to_owned(),
            instructions,
        })
    }
}

/// Whether `a` and `b` are the same name: trimmed, case-insensitively.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The kind a coordinator names: by its id, or by its Polish or English
/// name (trimmed, case-insensitively).
///
/// ```
/// use kooperacja_core::import::template::find_kind;
/// use kooperacja_core::vocabulary::Vocabulary;
/// let vocabulary = Vocabulary::built_in();
/// assert_eq!(find_kind(&vocabulary, "Wydatek").map(|k| k.id.as_str()), Some("expenditure"));
/// assert!(find_kind(&vocabulary, "meeting").is_none());
/// ```
pub fn find_kind<'a>(vocabulary: &'a Vocabulary, name: &str) -> Option<&'a FactKindDecl> {
    vocabulary.kind(name.trim()).or_else(|| {
        vocabulary.kinds().iter().find(|k| {
            Lang::ALL
                .iter()
                .any(|l| same_name(vocabulary.kind_label(&k.id, *l), name))
        })
    })
}

/// The field of `kind` a coordinator names: by its id, or by its Polish or
/// English name (trimmed, case-insensitively).
///
/// ```
/// use kooperacja_core::import::template::find_field;
/// use kooperacja_core::vocabulary::Vocabulary;
/// let vocabulary = Vocabulary::built_in();
/// let expenditure = vocabulary.kind("expenditure").expect("built in");
/// assert_eq!(find_field(expenditure, " amount ").map(|f| f.id.as_str()), Some("amount"));
/// assert!(find_field(expenditure, "kwota-x").is_none());
/// ```
pub fn find_field<'a>(kind: &'a FactKindDecl, name: &str) -> Option<&'a FieldDecl> {
    kind.field(name.trim()).or_else(|| {
        kind.fields
            .iter()
            .find(|f| Lang::ALL.iter().any(|l| same_name(f.label(*l), name)))
    })
}

/// The id of the value of an enumeration field a coordinator names: by its
/// id, or by its Polish or English name (trimmed, case-insensitively);
/// `None` when the field lists no such value (or its values come from a
/// list of the project file, which are written by id).
///
/// ```
/// use kooperacja_core::import::template::find_value;
/// use kooperacja_core::vocabulary::{EnumValue, FieldDecl, FieldType, Vocabulary};
/// let mut form = FieldDecl::new("form", FieldType::Enum);
/// form.values = vec![EnumValue { id: "group".into(), pl: Some("grupowy".into()), en: None }];
/// let vocabulary = Vocabulary::built_in();
/// assert_eq!(find_value(&vocabulary, &form, "Grupowy"), Some("group"));
/// assert_eq!(find_value(&vocabulary, &form, "solo"), None);
/// ```
pub fn find_value<'a>(
    vocabulary: &'a Vocabulary,
    field: &'a FieldDecl,
    text: &str,
) -> Option<&'a str> {
    let values = vocabulary.values(field)?;
    values
        .iter()
        .find(|v| v.id == text.trim())
        .or_else(|| {
            values.iter().find(|v| {
                same_name(&v.id, text) || Lang::ALL.iter().any(|l| same_name(v.name(*l), text))
            })
        })
        .map(|v| v.id.as_str())
}

/// The columns of a kind: the base fields, then the declared ones.
fn columns(project: &Project, kind: &FactKindDecl, lang: Lang) -> Vec<Column> {
    let header = |id: &str| base_header(id, lang).unwrap_or(id).to_owned();
    let organisations: Vec<String> = project.organisations.iter().map(|o| o.id.clone()).collect();
    let mut out = vec![
        Column {
            field: "date".to_owned(),
            header: header("date"),
            cell: CellType::Date,
            required: true,
            many: false,
            help: required(lang, label::HELP_DATE.get(lang)),
            choices: Vec::new(),
        },
        Column {
            field: "by".to_owned(),
            header: header("by"),
            cell: CellType::Text,
            required: true,
            many: false,
            help: required(lang, label::HELP_ORGANISATION.get(lang)),
            choices: organisations,
        },
        Column {
            field: "territory".to_owned(),
            header: header("territory"),
            cell: CellType::Text,
            required: false,
            many: false,
            help: label::HELP_TERYT.get(lang).to_owned(),
            choices: Vec::new(),
        },
    ];
    out.extend(kind.fields.iter().map(|f| field_column(project, f, lang)));
    out.push(Column {
        field: "note".to_owned(),
        header: header("note"),
        cell: CellType::Text,
        required: false,
        many: false,
        help: label::HELP_NOTE.get(lang).to_owned(),
        choices: Vec::new(),
    });
    out
}

fn required(lang: Lang, help: &str) -> String {
    label::HELP_REQUIRED.fill(lang, &[&help])
}

/// The column of a declared field.
fn field_column(project: &Project, field: &FieldDecl, lang: Lang) -> Column {
    let vocabulary = project.vocabulary();
    let ids = |ids: Vec<&String>| ids.into_iter().cloned().collect::<Vec<String>>();
    let (cell, help, choices) = match field.field_type {
        FieldType::Date => (CellType::Date, label::HELP_DATE, Vec::new()),
        FieldType::Amount => (CellType::Amount, label::HELP_AMOUNT, Vec::new()),
        FieldType::Count | FieldType::Days => {
            (CellType::Whole, label::HELP_WHOLE_NUMBER, Vec::new())
        }
        FieldType::Hours => (CellType::Hours, label::HELP_HOURS, Vec::new()),
        FieldType::Person => (CellType::Text, label::HELP_PERSON, Vec::new()),
        FieldType::Household => (CellType::Text, label::HELP_HOUSEHOLD, Vec::new()),
        FieldType::Jst => (CellType::Text, label::HELP_TERYT, Vec::new()),
        FieldType::Institution => (CellType::Text, label::HELP_INSTITUTION, Vec::new()),
        FieldType::Organisation => (
            CellType::Text,
            label::HELP_ORGANISATION,
            ids(project.organisations.iter().map(|o| &o.id).collect()),
        ),
        FieldType::Group => (
            CellType::Text,
            label::HELP_GROUP,
            ids(project.groups.iter().map(|g| &g.code).collect()),
        ),
        FieldType::Enum => {
            let choices = match (vocabulary.values(field), field.enumeration.as_deref()) {
                (Some(values), _) => values.iter().map(|v| v.name(lang).to_owned()).collect(),
                (None, Some("roles")) => ids(project.roles.iter().map(|r| &r.id).collect()),
                (None, Some("sectors")) => ids(project.sectors.iter().map(|s| &s.id).collect()),
                (None, _) => Vec::new(),
            };
            (CellType::Text, label::HELP_CHOOSE, choices)
        }
        // Text and any type added later: free text.
        _ => (CellType::Text, label::HELP_TEXT, Vec::new()),
    };
    let mut help = help.get(lang).to_owned();
    if field.many {
        help = label::HELP_SEVERAL.fill(lang, &[&help]);
    }
    if let Some(default) = field.default {
        help = label::HELP_DEFAULT.fill(lang, &[&help, &default]);
    }
    if field.required {
        help = required(lang, &help);
    }
    Column {
        field: field.id.clone(),
        header: field_header(field, lang).to_owned(),
        cell,
        required: field.required,
        many: field.many,
        help,
        // A drop-down list takes one value; a cell of several is typed.
        choices: if field.many { Vec::new() } else { choices },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(name: &str) -> Project {
        let text = match name {
            "kooperacja-makroregion-ii.toml" => {
                include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml")
            }
            "koordynacja-kujawy-pomorze.toml" => {
                include_str!("../../../../fixtures/projects/koordynacja-kujawy-pomorze.toml")
            }
            _ => include_str!("../../../../fixtures/projects/kooperacje-3d-makroregion-iii.toml"),
        };
        Project::parse(text).expect("a valid fixture")
    }

    #[test]
    fn every_kind_of_every_fixture_has_a_template_whose_headers_are_distinct() {
        for name in [
            "kooperacja-makroregion-ii.toml",
            "koordynacja-kujawy-pomorze.toml",
            "kooperacje-3d-makroregion-iii.toml",
        ] {
            let project = project(name);
            for kind in project.vocabulary().kinds() {
                for lang in Lang::ALL {
                    let t = Template::new(&project, &kind.id, lang).expect("a kind");
                    let mut headers: Vec<String> =
                        t.columns.iter().map(|c| c.header.to_lowercase()).collect();
                    headers.sort();
                    headers.dedup();
                    assert_eq!(headers.len(), t.columns.len(), "{name} {}", kind.id);
                    assert!(can_name_a_sheet(&t.sheet), "{name} {}", kind.id);
                }
            }
        }
    }

    #[test]
    fn a_kind_is_found_by_its_name_in_either_language() {
        let project = project("koordynacja-kujawy-pomorze.toml");
        let by_name = Template::new(&project, "Porozumienie", Lang::En).expect("by name");
        assert_eq!(by_name.kind, "agreement");
        assert_eq!(by_name.sheet, "agreement");
        assert_eq!(by_name.instructions_sheet, "Instructions");
    }

    #[test]
    fn a_field_of_several_values_has_no_drop_down_list() {
        let project = project("kooperacja-makroregion-ii.toml");
        let t = Template::new(&project, "meeting", Lang::Pl).expect("meeting");
        let led_by = t
            .columns
            .iter()
            .find(|c| c.field == "led_by")
            .expect("led_by");
        assert!(led_by.many && led_by.choices.is_empty());
        let group = t
            .columns
            .iter()
            .find(|c| c.field == "group")
            .expect("group");
        assert!(!group.choices.is_empty());
    }
}
