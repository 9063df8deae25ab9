//! The documentation types: what the handlers' `#[utoipa::path]` annotations
//! and their response types name in the OpenAPI document (query parameters,
//! references to core's schemas, the places of the report and the fact
//! record).
//!
//! Handlers and the store use this module; it uses none of them, and
//! [`openapi`](crate::openapi), which assembles the document from the
//! handlers, is used by none of them (a test checks that the crate's modules
//! form no circle).

use std::borrow::Cow;

use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{IntoParams, PartialSchema, ToSchema};

/// References to core's schemas, for fields of this crate's response types.
pub mod refs {
    use super::*;

    fn named(name: &str) -> RefOr<Schema> {
        RefOr::Ref(Ref::from_schema_name(name))
    }

    fn list(name: &str) -> RefOr<Schema> {
        ArrayBuilder::new().items(named(name)).into()
    }

    /// `IndicatorReport[]`.
    pub fn indicators() -> RefOr<Schema> {
        list("IndicatorReport")
    }
    /// `MilestoneReport[]`.
    pub fn milestones() -> RefOr<Schema> {
        list("MilestoneReport")
    }
    /// `Period`.
    pub fn period() -> RefOr<Schema> {
        named("Period")
    }
    /// `Budget` (a version's plan).
    pub fn budget() -> RefOr<Schema> {
        named("Budget")
    }
    /// `Amount`.
    pub fn amount() -> RefOr<Schema> {
        named("Amount")
    }
    /// `BudgetReport`.
    pub fn budget_report() -> RefOr<Schema> {
        named("BudgetReport")
    }
    /// `GroupLevel`.
    pub fn group_level() -> RefOr<Schema> {
        named("GroupLevel")
    }
    /// `Held[]`.
    pub fn held_list() -> RefOr<Schema> {
        list("Held")
    }
    /// `StatedCounts`.
    pub fn stated_counts() -> RefOr<Schema> {
        named("StatedCounts")
    }
    /// `Voivodeship[]`.
    pub fn voivodeships() -> RefOr<Schema> {
        list("Voivodeship")
    }
    /// `ClaimKind[]`.
    pub fn claim_kinds() -> RefOr<Schema> {
        list("ClaimKind")
    }
    /// `ClaimStatus`.
    pub fn claim_status() -> RefOr<Schema> {
        named("ClaimStatus")
    }
    /// `Amount` or `null`.
    pub fn amount_or_null() -> RefOr<Schema> {
        utoipa::openapi::schema::OneOfBuilder::new()
            .item(named("Amount"))
            .item(ObjectBuilder::new().schema_type(utoipa::openapi::schema::Type::Null))
            .into()
    }
    /// `DiffValue`.
    pub fn diff_value() -> RefOr<Schema> {
        named("DiffValue")
    }
}

/// `FactRecord`: a fact as JSON Lines write it.
pub fn fact_record_ref() -> RefOr<Schema> {
    RefOr::Ref(Ref::from_schema_name("FactRecord"))
}

/// `FactRecord[]`, at most [`crate::limits::MAX_BATCH_FACTS`].
pub fn fact_record_list() -> RefOr<Schema> {
    ArrayBuilder::new()
        .items(fact_record_ref())
        .max_items(Some(crate::limits::MAX_BATCH_FACTS))
        .into()
}

/// The place of core's `Report` in the document (replaced by core's schema).
#[derive(Debug)]
pub struct ReportDoc;

impl PartialSchema for ReportDoc {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new().into()
    }
}

impl ToSchema for ReportDoc {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Report")
    }
}

/// The place of core's `Claim` in the document (replaced by core's schema).
#[derive(Debug)]
pub struct ClaimDoc;

impl PartialSchema for ClaimDoc {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new().into()
    }
}

impl ToSchema for ClaimDoc {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Claim")
    }
}

/// The place of the fact record in the document (replaced by its schema).
#[derive(Debug)]
pub struct FactRecordDoc;

impl PartialSchema for FactRecordDoc {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new().into()
    }
}

impl ToSchema for FactRecordDoc {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("FactRecord")
    }
}

/// The parameters of the report endpoints.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportParams {
    /// The date to report on, like `2020-09-30` (default: today, by the server's clock).
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<String>,
    /// A version id: the report as if that version were in force (default: the
    /// version in force on the date).
    pub version: Option<String>,
}

/// The parameters of the fact listing.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FactListParams {
    /// Only facts of this kind: one the project declares or a built-in one
    /// (`entry`, `exit`, `expenditure`, `transfer`, `retraction`); the
    /// project's kinds are listed by `GET /v1/projects/{id}/fact-schema`.
    #[param(min_length = 1)]
    pub kind: Option<String>,
    /// Only facts whose territory's TERYT code starts with these digits (`04`: the voivodeship).
    #[param(pattern = "^[0-9]{1,7}$")]
    pub territory: Option<String>,
    /// Only facts dated on or after this day.
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<String>,
    /// Only facts dated on or before this day.
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<String>,
    /// Where to start: `next_cursor` of the previous page.
    #[param(pattern = "^c[0-7][0-9a-f]{15}$")]
    pub cursor: Option<String>,
    /// The page size, 1 to 1000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u32>,
}

/// The parameters of a paged listing.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Where to start: `next_cursor` of the previous page.
    #[param(pattern = "^c[0-7][0-9a-f]{15}$")]
    pub cursor: Option<String>,
    /// The page size, 1 to 1000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u32>,
}

/// The place of the upload form of `POST /v1/projects/{id}/fact-imports` in
/// the document (replaced by its schema, `openapi::upload_form_schema`).
#[derive(Debug)]
pub struct FactImportForm;

impl PartialSchema for FactImportForm {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new().into()
    }
}

impl ToSchema for FactImportForm {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("FactImportForm")
    }
}

/// The place of the dashboard's upload form in the document (replaced by its
/// schema, `openapi::upload_form_schema`).
#[derive(Debug)]
pub struct UploadPageForm;

impl PartialSchema for UploadPageForm {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new().into()
    }
}

impl ToSchema for UploadPageForm {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("UploadPageForm")
    }
}
