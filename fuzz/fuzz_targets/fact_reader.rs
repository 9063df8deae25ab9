//! Fuzzes the fact reader (JSON Lines and CSV): the first byte chooses the
//! format (even, such as `0`: JSON Lines; odd, such as `1`: CSV), the rest is
//! the input. Every good fact is also turned back into a record and written as
//! a JSON line and a CSV row. Nothing may panic.
#![no_main]

use kooperacja_core::facts::{FactReader, Format, to_csv_row, to_json_line};
use kooperacja_core::pseudonym::PseudonymKey;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, input)) = data.split_first() else {
        return;
    };
    let format = if first & 1 == 0 {
        Format::JsonLines
    } else {
        Format::Csv
    };
    for item in FactReader::new(input, format, PseudonymKey::from_bytes([0; 32])) {
        if let Ok(fact) = item {
            let record = fact.to_record();
            let _ = to_json_line(&record);
            let _ = to_csv_row(&record);
        }
    }
});
