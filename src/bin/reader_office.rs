//! The web app's Excel (.xlsx/.xls) and Word (.docx) reader: a Web Worker with a wasm of its own (see src/app/reader.rs).
//! Only the reader it calls is linked into it, so the page's first load carries none of it.

#[cfg(target_arch = "wasm32")]
fn main() {
    budgetlint::app::reader::serve(budgetlint::files::read_office);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("reader-office is the web app's Excel (.xlsx/.xls) and Word (.docx) reader (a Web Worker); on the command line use `budgetlint check FILE`");
    std::process::exit(2);
}
