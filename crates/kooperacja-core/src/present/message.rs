//! The catalogue of messages: what the server and the exporter say to people
//! when they start, refuse a request, a file or a fact, and the narratives of
//! the IATI document. Each message is written once, in Polish and in English.
//!
//! Placeholders `{0}`, `{1}`, … are filled with [`Text::fill`]; each entry's
//! doc line says what they stand for. A message built from parts is one
//! template: where a part varies (a reason, the kind of a file), the part is
//! an entry of its own, worded to fit its slot in both languages.
//!
//! The server writes start-up errors in English (`Lang::En`); an API
//! problem's title and the details said from here follow the request's
//! `Accept-Language` (English unless Polish is preferred; `docs/http.md`).
//!
//! ```
//! use kooperacja_core::present::{Lang, message};
//! let too_large = message::READ_TOO_LARGE;
//! let kind = message::FILE_KIND_PROJECT;
//! assert_eq!(
//!     too_large.fill(Lang::En, &[&"p.toml", &1, &kind.get(Lang::En)]),
//!     "cannot read p.toml: the file is larger than 1 MiB, the limit for a project file"
//! );
//! assert_eq!(
//!     too_large.fill(Lang::Pl, &[&"p.toml", &1, &kind.get(Lang::Pl)]),
//!     "nie można odczytać p.toml: plik jest większy niż 1 MiB, limit dla pliku projektu"
//! );
//! ```

use super::Text;

// ---------------------------------------------------------------------------
// Files read at start (the server and the exporter)

/// A file that cannot be read: `{0}` the path, `{1}` the reason.
pub const CANNOT_READ: Text = Text::new("nie można odczytać {0}: {1}", "cannot read {0}: {1}");
/// A directory given where a file is expected: `{0}` the path.
pub const READ_IS_DIRECTORY: Text = Text::new(
    "nie można odczytać {0}: to katalog, a nie plik",
    "cannot read {0}: it is a directory, not a file",
);
/// A file over its size limit: `{0}` the path, `{1}` the limit in MiB, `{2}`
/// the kind of file ([`FILE_KIND_PROJECT`], [`FILE_KIND_TERC`]).
pub const READ_TOO_LARGE: Text = Text::new(
    "nie można odczytać {0}: plik jest większy niż {1} MiB, limit dla {2}",
    "cannot read {0}: the file is larger than {1} MiB, the limit for {2}",
);
/// The kind of file in [`READ_TOO_LARGE`] (Polish in the genitive).
pub const FILE_KIND_PROJECT: Text = Text::new("pliku projektu", "a project file");
/// The kind of file in [`READ_TOO_LARGE`] (Polish in the genitive).
pub const FILE_KIND_TERC: Text = Text::new("rejestru TERC", "the TERC register");
/// A text file that is not UTF-8: `{0}` the path.
pub const READ_NOT_UTF8: Text = Text::new(
    "nie można odczytać {0}: plik nie jest zapisany w UTF-8",
    "cannot read {0}: the file is not UTF-8",
);
/// A file that cannot be written: `{0}` the path, `{1}` the reason.
pub const CANNOT_WRITE: Text = Text::new("nie można zapisać {0}: {1}", "cannot write {0}: {1}");
/// A directory that cannot be created: `{0}` the path, `{1}` the reason.
pub const CANNOT_CREATE: Text = Text::new("nie można utworzyć {0}: {1}", "cannot create {0}: {1}");
/// A file that cannot be opened: `{0}` the path, `{1}` the reason.
pub const CANNOT_OPEN: Text = Text::new("nie można otworzyć {0}: {1}", "cannot open {0}: {1}");
/// A file that cannot be locked: `{0}` the path, `{1}` the reason.
pub const CANNOT_LOCK: Text = Text::new("nie można zablokować {0}: {1}", "cannot lock {0}: {1}");

// ---------------------------------------------------------------------------
// The lines a program writes to the terminal

/// An error that ends the program: `{0}` the error.
pub const ERROR_LINE: Text = Text::new("błąd: {0}", "error: {0}");
/// A warning: `{0}` the warning.
pub const WARNING_LINE: Text = Text::new("ostrzeżenie: {0}", "warning: {0}");
/// The database the server uses: `{0}` its path.
pub const DATABASE_LINE: Text = Text::new("baza danych: {0}", "database: {0}");
/// The server is ready: `{0}` its address (host and port).
pub const LISTENING: Text = Text::new("serwer nasłuchuje na http://{0}", "listening on http://{0}");
/// The server stops on a signal.
pub const STOPPING: Text = Text::new("zatrzymywanie serwera", "stopping");

// ---------------------------------------------------------------------------
// Server start

/// No `--project` given.
pub const NO_PROJECT: Text = Text::new(
    "nie podano projektu: podaj co najmniej jedno --project PLIK",
    "no project: give at least one --project FILE",
);
/// A project with error findings, not served: `{0}` the file, `{1}` how many
/// errors, `{2}` the errors.
pub const PROJECT_NOT_SERVED: Text = Text::new(
    "{0}: projekt ma błędy walidacji (liczba: {1}) i nie jest udostępniany: {2}",
    "{0}: the project has {1} error finding(s) and is not served: {2}",
);
/// One project given twice: `{0}` the file, `{1}` the project id (quoted).
pub const PROJECT_GIVEN_TWICE: Text = Text::new(
    "{0}: projekt {1} podano dwa razy",
    "{0}: project {1} is given twice",
);
/// The runtime cannot start: `{0}` the reason.
pub const CANNOT_START_RUNTIME: Text = Text::new(
    "nie można uruchomić środowiska wykonawczego: {0}",
    "cannot start the runtime: {0}",
);
/// The listening address cannot be read back: `{0}` the reason.
pub const CANNOT_READ_LISTEN_ADDRESS: Text = Text::new(
    "nie można odczytać adresu, na którym serwer nasłuchuje: {0}",
    "cannot read the listening address: {0}",
);
/// The server cannot listen: `{0}` the address, `{1}` the reason.
pub const CANNOT_LISTEN: Text = Text::new(
    "nie można nasłuchiwać na {0}: {1}",
    "cannot listen on {0}: {1}",
);
/// An address that resolves to nothing: `{0}` the address.
pub const LISTEN_NO_ADDRESS: Text = Text::new(
    "nie można nasłuchiwać na {0}: nazwa nie wskazuje żadnego adresu",
    "cannot listen on {0}: it names no address",
);
/// A lock of an engine left by a thread that failed holding it.
pub const ENGINE_LOCK_POISONED: Text = Text::new(
    "blokada silnika jest niezdatna do użytku (wątek przerwał pracę, trzymając ją)",
    "an engine lock is poisoned",
);
/// Stored facts that the project file no longer admits: `{0}` the project,
/// `{1}` how many, `{2}` how many per reason code.
pub const FACTS_NO_LONGER_FIT: Text = Text::new(
    "projekt {0}: zapisane fakty (liczba: {1}) nie pasują do obecnego pliku projektu i nie są liczone ({2}); pozostają w bazie danych (czy zmieniono plik projektu?)",
    "project {0}: {1} stored fact(s) do not fit the project file as it now stands and do not count ({2}); they are kept (a project file changed?)",
);
/// The rebuild of the indicators failed: `{0}` the reason.
pub const REBUILD_FAILED: Text = Text::new(
    "odbudowa wskaźników nie powiodła się: {0}",
    "the rebuild failed: {0}",
);
/// The writer cannot be stopped: `{0}` the reason.
pub const CANNOT_STOP_WRITER: Text = Text::new(
    "nie można zatrzymać wątku zapisu: {0}",
    "cannot stop the writer: {0}",
);
/// The writer thread ended by a panic.
pub const WRITER_PANICKED: Text = Text::new(
    "wątek zapisu przerwał pracę z powodu błędu (panic)",
    "the writer thread panicked",
);
/// The server ended with an error: `{0}` the reason.
pub const SERVER_FAILED: Text = Text::new("serwer przerwał pracę: {0}", "the server failed: {0}");
/// The server's task ended with an error: `{0}` the reason.
pub const SERVER_TASK_FAILED: Text = Text::new(
    "zadanie serwera przerwało pracę: {0}",
    "the server task failed: {0}",
);

// ---------------------------------------------------------------------------
// Import of a fact file at start (`--facts`)

/// `--facts` names no served project: `{0}` the id given (as written),
/// `{1}` the id quoted.
pub const IMPORT_NO_SUCH_PROJECT: Text = Text::new(
    "--facts {0}=…: projekt {1} nie jest udostępniany",
    "--facts {0}=…: no project {1} is served",
);
/// `--facts` without a project while several are served: `{0}` the file.
pub const IMPORT_NAME_THE_PROJECT: Text = Text::new(
    "--facts {0}: wskaż projekt, np. --facts ID_PROJEKTU={0}",
    "--facts {0}: name the project, as --facts PROJECT_ID={0}",
);
/// A project without a leader: `{0}` the project.
pub const IMPORT_NO_LEADER: Text = Text::new(
    "projekt {0} nie ma lidera, w którego imieniu można importować fakty",
    "project {0} has no leader to import as",
);
/// The field of a record that is not valid as a whole.
pub const IMPORT_WHOLE_RECORD: Text = Text::new("(rekord)", "(the record)");
/// A record that does not read as a fact: `{0}` the file, `{1}` the line,
/// `{2}` the record's number, `{3}` the field.
pub const IMPORT_RECORD_INVALID: Text = Text::new(
    "{0}:{1}: rekord {2} odrzucony: {3}: wartość niepoprawna dla rodzaju faktu (regułę wskaże `kooperacja facts check`)",
    "{0}:{1}: record {2} refused: {3} is not valid for its kind (`kooperacja facts check` names the rule)",
);
/// A record refused: `{0}` the file, `{1}` the record's number, `{2}` why.
pub const IMPORT_RECORD_REFUSED: Text = Text::new(
    "{0}: rekord {1} odrzucony: {2}",
    "{0}: record {1} refused: {2}",
);
/// A record that does not fit the project: `{0}` the file, `{1}` the
/// record's number, `{2}` the finding codes.
pub const IMPORT_RECORD_DOES_NOT_FIT: Text = Text::new(
    "{0}: rekord {1} odrzucony: {2}: fakt nie pasuje do projektu",
    "{0}: record {1} refused: {2}: the fact does not fit the project",
);
/// The summary of an import: `{0}` the file, `{1}` records read, `{2}`
/// stored, `{3}` already stored, `{4}` excluded.
pub const IMPORT_SUMMARY: Text = Text::new(
    "{0}: odczytane rekordy: {1}; zapisane: {2}, już zapisane wcześniej: {3}, wykluczone: {4}",
    "{0}: {1} record(s) read: {2} stored, {3} already stored, {4} excluded",
);

// ---------------------------------------------------------------------------
// Requests (API problem details)

/// A handler panicked.
pub const REQUEST_PANICKED: Text = Text::new(
    "żądanie zakończyło się błędem wewnątrz serwera (panic); nie zostało wykonane, a serwer działa dalej",
    "the request failed inside the server (a panic); it was not completed, and the server goes on serving",
);
/// A body declared over the limit: `{0}` the declared bytes, `{1}` the limit.
pub const BODY_DECLARED_TOO_LARGE: Text = Text::new(
    "zadeklarowana długość treści żądania to {0} B; pod tym adresem przyjmowane jest najwyżej {1} B",
    "the body is declared as {0} bytes; at most {1} are taken here",
);
/// No route for a path: `{0}` the path.
pub const NO_ROUTE: Text = Text::new(
    "nie ma ścieżki {0}; zob. /v1/openapi.json",
    "there is no route {0}; see /v1/openapi.json",
);
/// A request while the engines are rebuilt.
pub const SERVER_STARTING: Text = Text::new(
    "serwer się uruchamia: odbudowuje wskaźniki z bazy danych",
    "the server is starting: rebuilding the indicators from the database",
);
/// A request over its time limit: `{0}` the limit in milliseconds.
pub const REQUEST_TIMEOUT: Text = Text::new(
    "żądanie nie zostało wykonane w ciągu {0} ms; zapis mógł jednak zostać utrwalony: można bezpiecznie ponowić żądanie",
    "the request was not completed within {0} ms; a write may still have been stored: retrying it is safe",
);
/// A method a path does not take.
pub const METHOD_NOT_ALLOWED: Text = Text::new(
    "ta metoda nie jest dozwolona dla tej ścieżki; dozwolone wymienia nagłówek Allow",
    "this method is not allowed on this path; the Allow header lists those that are",
);

// ---------------------------------------------------------------------------
// Connections

/// The open-file limit lowered the connection cap: `{0}` the cap, `{1}` the
/// open-file limit, `{2}` the descriptors kept.
pub const CONNECTIONS_CAPPED: Text = Text::new(
    "liczba jednoczesnych połączeń ograniczona do {0} (limit otwartych plików to {1}, z czego {2} zarezerwowano dla bazy danych i pozostałych potrzeb); aby pozwolić na więcej, podnieś `ulimit -n`",
    "at most {0} connections at once (the open-file limit is {1}, and {2} files are kept for the database and the rest); raise `ulimit -n` for more",
);
/// Every connection allowed is open and busy.
pub const CONNECTIONS_FULL: Text = Text::new(
    "serwer ma otwartych tyle połączeń, ile dopuszcza, i wszystkie są zajęte; spróbuj ponownie za chwilę",
    "the server has as many connections open as it allows, all of them busy; retry in a moment",
);
/// Headers over the limits: `{0}` the most headers, `{1}` the most bytes.
pub const HEADERS_TOO_LARGE: Text = Text::new(
    "nagłówki żądania są za duże: odczytywanych jest najwyżej {0} nagłówków i łącznie {1} B",
    "the request's headers are too large: at most {0} headers and {1} bytes in all are read",
);
/// A request line over the limit.
pub const URI_TOO_LONG: Text = Text::new(
    "ścieżka i zapytanie żądania są za długie",
    "the request's path and query are too long",
);
/// A request that is not HTTP/1.1.
pub const MALFORMED_REQUEST: Text = Text::new(
    "żądania nie można odczytać jako HTTP/1.1: jego metoda, ścieżka, wersja lub któryś nagłówek są niepoprawne",
    "the request cannot be read as HTTP/1.1: its method, path, version or a header is malformed",
);

// ---------------------------------------------------------------------------
// Database

/// The integrity check failed: `{0}` the database, `{1}` what it found.
pub const DATABASE_DAMAGED: Text = Text::new(
    "{0}: kontrola spójności SQLite nie powiodła się ({1}); baza danych jest uszkodzona: zatrzymaj serwer, odtwórz bazę z kopii zapasowej (docs/http.md, Backup) i uruchom go ponownie",
    "{0}: SQLite's integrity check failed ({1}); the database is damaged: stop, restore it from a backup (docs/http.md, Backup) and start again",
);
/// The database was made by a newer server: `{0}` its schema version,
/// `{1}` this server's.
pub const SCHEMA_TOO_NEW: Text = Text::new(
    "baza danych ma schemat w wersji {0}, nowszej niż wersja tego serwera ({1})",
    "the database has schema version {0}, newer than this server's {1}",
);
/// The database cannot be migrated to this server's schema: `{0}` its path,
/// `{1}` the reason.
pub const CANNOT_MIGRATE: Text = Text::new(
    "nie można zaktualizować schematu {0}: {1}",
    "cannot migrate {0}: {1}",
);
/// The database cannot be opened: `{0}` the reason.
pub const CANNOT_OPEN_DATABASE: Text = Text::new(
    "nie można otworzyć bazy danych: {0}",
    "cannot open the database: {0}",
);
/// The lock file cannot be opened: `{0}` the path, `{1}` the reason.
pub const CANNOT_OPEN_LOCK: Text = Text::new(
    "nie można otworzyć pliku blokady {0}: {1}",
    "cannot open the lock file {0}: {1}",
);
/// Another server holds the database: `{0}` the database, `{1}` the lock file.
pub const DATABASE_IN_USE: Text = Text::new(
    "inny kooperacja-server obsługuje już {0} (trzyma blokadę {1}); dwa serwery na jednej bazie danych liczyłyby wskaźniki każdy osobno i ich wyniki by się rozeszły. Najpierw zatrzymaj tamten serwer albo wskaż temu inną bazę opcją --db",
    "another kooperacja-server is serving {0} (it holds {1}); two servers on one database would each keep their own indicators and diverge. Stop the other server first, or give this one another --db",
);
/// A stored person value that is not a pseudonym.
pub const NOT_A_PSEUDONYM: Text = Text::new(
    "wartość pola osoby, która nie jest pseudonimem",
    "a person value that is not a pseudonym",
);
/// The facts of a project cannot be read: `{0}` the project, `{1}` the reason.
pub const CANNOT_READ_FACTS: Text = Text::new(
    "nie można odczytać faktów projektu {0}: {1}",
    "cannot read the facts of {0}: {1}",
);
/// A stored fact that stops the start: `{0}` the fact id, `{1}` its storage
/// sequence, `{2}` the project, `{3}` what is wrong with it (one of the
/// `STORED_FACT_*` entries below, a predicate in both languages).
pub const STORED_FACT_DAMAGED: Text = Text::new(
    "zapisany fakt {0} (numer kolejny zapisu {1}) projektu {2} {3}. Baza danych jest uszkodzona albo zmieniono ją poza serwerem, więc jej wskaźnikom nie można ufać: zatrzymaj serwer, odtwórz bazę z kopii zapasowej (docs/http.md, Backup) i uruchom go ponownie; na tej bazie serwer nie wystartuje",
    "stored fact {0} (storage sequence {1}) of project {2} {3}. The database is damaged or was changed outside the server, so its indicators cannot be trusted: stop, restore the database from a backup (docs/http.md, Backup) and start again; the server does not start on it",
);
/// What is wrong in [`STORED_FACT_DAMAGED`].
pub const STORED_FACT_CHECKSUM_MISMATCH: Text = Text::new(
    "nie zgadza się ze swoją sumą kontrolną",
    "does not match its checksum",
);
/// What is wrong in [`STORED_FACT_DAMAGED`].
pub const STORED_FACT_NO_CHECKSUM: Text = Text::new("nie ma sumy kontrolnej", "has no checksum");
/// What is wrong in [`STORED_FACT_DAMAGED`].
pub const STORED_FACT_UNREADABLE: Text = Text::new(
    "nie daje się odczytać jako zapisany fakt (jego treść nie jest poprawnym faktem albo zawiera wartość pola osoby, która nie jest pseudonimem)",
    "cannot be read as a stored fact (its body does not parse as a fact, or holds a person value that is not a pseudonym)",
);
/// What is wrong in [`STORED_FACT_DAMAGED`].
pub const STORED_FACT_OTHER_ID: Text = Text::new(
    "zawiera fakt o innym identyfikatorze",
    "holds a fact with another id",
);
/// What is wrong in [`STORED_FACT_DAMAGED`]: `{0}` the engine's reason code.
pub const STORED_FACT_REFUSED_BY_ENGINE: Text = Text::new(
    "jest odrzucany przez silnik ({0}), a takich faktów serwer nigdy nie zapisuje",
    "is refused by the engine ({0}), which the server never stores",
);

// ---------------------------------------------------------------------------
// Writer

/// A write after the writer stopped.
pub const WRITER_STOPPED: Text = Text::new(
    "wątek zapisu zakończył pracę; serwer się zamyka",
    "the writer has stopped; the server is shutting down",
);
/// The writer thread cannot start: `{0}` the reason.
pub const CANNOT_START_WRITER: Text = Text::new(
    "nie można uruchomić wątku zapisu: {0}",
    "cannot start the writer thread: {0}",
);
/// A project version that does not exist.
pub const NO_SUCH_VERSION: Text = Text::new("nie ma takiej wersji", "no such version");
/// An expenditure beyond core's spending limit.
pub const SPENDING_LIMIT: Text = Text::new(
    "z tą kwotą suma liczonych wydatków projektu osiągnęłaby co do wartości bezwzględnej 10^15 zł lub więcej, poza zakresem kwot; oczekiwano rzeczywistych kwot",
    "with this amount the project's counted expenditures would sum to 10^15 zł or more in magnitude, beyond the range of amounts; expected real amounts",
);
/// The finding of [`SPENDING_LIMIT`].
pub const SPENDING_LIMIT_REACHED: Text = Text::new(
    "osiągnięto limit wydatków projektu",
    "the spending limit of the project is reached",
);
/// A fact id stored with other content: `{0}` the id (quoted), `{1}` the
/// storage sequence.
pub const FACT_STORED_OTHERWISE: Text = Text::new(
    "fakt {0} jest już zapisany z inną treścią (numer kolejny zapisu {1}); faktów nigdy się nie edytuje: wycofaj go i zapisz nowy",
    "fact {0} is already stored with other content (storage sequence {1}); facts are never edited: retract it and record a new one",
);
/// A retraction of itself: `{0}` the id (quoted).
pub const RETRACTS_ITSELF: Text =
    Text::new("fakt {0} wycofuje sam siebie", "fact {0} retracts itself");
/// A retraction of an unknown fact: `{0}` the id retracted (quoted), `{1}`
/// the project.
pub const RETRACTS_UNKNOWN: Text = Text::new(
    "wycofuje {0}, ale żaden fakt projektu {1} nie ma takiego identyfikatora; oczekiwano identyfikatora zapisanego faktu",
    "retracts {0}, but no fact of project {1} has that id; expected the id of a stored fact",
);
/// A stored fact that does not read: `{0}` the reason.
pub const STORED_FACT_CANNOT_BE_READ: Text = Text::new(
    "nie można odczytać zapisanego faktu: {0}",
    "stored fact unreadable: {0}",
);
/// A retraction of a retraction: `{0}` the id (quoted), `{1}` the id
/// retracted (quoted).
pub const RETRACTS_RETRACTION: Text = Text::new(
    "fakt {0} wycofuje {1}, który sam jest wycofaniem; zamiast tego zapisz fakt ponownie pod nowym identyfikatorem",
    "fact {0} retracts {1}, which is itself a retraction; record the fact again under a new id instead",
);
/// A retraction of a fact the organisation may not write: `{0}` the
/// organisation, `{1}` the id retracted (quoted), `{2}` why.
pub const MAY_NOT_RETRACT: Text = Text::new(
    "{0} nie może wycofać {1}: {2}",
    "{0} may not retract {1}: {2}",
);

// ---------------------------------------------------------------------------
// Access rules (who may write which fact)

/// A partner writing in another's name: `{0}` its id, `{1}` the id given
/// (both quoted).
pub const PARTNER_OWN_NAME: Text = Text::new(
    "partner zapisuje fakty we własnym imieniu: oczekiwano \"by\": {0}, podano {1}",
    "a partner records facts in its own name: expected \"by\": {0}, found {1}",
);
/// A partner writing another's spending: `{0}` its id, `{1}` the partner
/// given (both quoted).
pub const PARTNER_OWN_SPENDING: Text = Text::new(
    "partner zapisuje tylko własne wydatki: oczekiwano \"partner\": {0}, podano {1}",
    "a partner records only its own spending: expected \"partner\": {0}, found {1}",
);
/// A partner without territory writing a territorial fact: `{0}` the
/// partner, `{1}` the kind of fact.
pub const NO_TERRITORY_KIND: Text = Text::new(
    "{0} nie ma w projekcie terytorium i zapisuje tylko fakty rodzajów, które nie wskazują JST, grupy ani instytucji, a nie fakt rodzaju {1}",
    "{0} has no territory in the project and records only facts of kinds that name no JST, group or institution, not a {1} fact",
);
/// A territory outside the partner's voivodeship: `{0}` the partner, `{1}`
/// its voivodeship, `{2}` the territory.
pub const TERRITORY_OUTSIDE_VOIVODESHIP: Text = Text::new(
    "{0} zapisuje tylko fakty ze swojego województwa {1}; terytorium {2} leży poza nim",
    "{0} writes only facts in its voivodeship {1}; territory {2} is outside it",
);
/// A fact without territory from a partner with one: `{0}` the partner,
/// `{1}` its voivodeship.
pub const TERRITORY_REQUIRED: Text = Text::new(
    "{0} zapisuje tylko fakty ze swojego województwa {1}; podaj terytorium w jego granicach",
    "{0} writes only facts in its voivodeship {1}; give a territory within it",
);
/// A JST outside the partner's voivodeship: `{0}` the partner, `{1}` its
/// voivodeship, `{2}` the JST.
pub const JST_OUTSIDE_VOIVODESHIP: Text = Text::new(
    "{0} zapisuje tylko fakty ze swojego województwa {1}; JST {2} leży poza nim",
    "{0} writes only facts in its voivodeship {1}; JST {2} is outside it",
);

// ---------------------------------------------------------------------------
// Tokens and the pseudonym secret

/// A token for an organisation the project lacks: `{0}` the project, `{1}`
/// the organisation (quoted), `{2}` the organisations it has.
pub const TOKEN_NO_SUCH_ORGANISATION: Text = Text::new(
    "projekt {0} nie ma organizacji {1}; oczekiwano jednej z: {2}",
    "project {0} has no organisation {1}; expected one of: {2}",
);
/// A token for a project not served yet: `{0}` the project (quoted), `{1}`
/// the database.
pub const TOKEN_PROJECT_NOT_SERVED_YET: Text = Text::new(
    "ostrzeżenie: projekt {0} nie był jeszcze udostępniany z {1}; organizacja nie jest sprawdzana",
    "warning: project {0} has not been served from {1} yet; the organisation is not checked",
);
/// A token that cannot be stored: `{0}` the reason.
pub const CANNOT_STORE_TOKEN: Text = Text::new(
    "nie można zapisać tokenu: {0}",
    "cannot store the token: {0}",
);
/// The line before a new token: `{0}` its id, `{1}` the organisation, `{2}`
/// the project.
pub const TOKEN_CREATED: Text = Text::new(
    "token {0} dla {1} w projekcie {2}; jest pokazywany tylko raz i przechowywany wyłącznie jako skrót kryptograficzny:",
    "token {0} for {1} in {2}; it is shown once and stored only as a hash:",
);
/// A token revoked: `{0}` its id.
pub const TOKEN_REVOKED: Text = Text::new("token {0} unieważniony", "token {0} revoked");
/// No live token to revoke: `{0}` the id.
pub const NO_LIVE_TOKEN: Text = Text::new(
    "nie ma ważnego tokenu o identyfikatorze {0}",
    "no live token with id {0}",
);
/// The secret file is not hexadecimal: `{0}` the reason.
pub const SECRET_NOT_HEX: Text = Text::new(
    "sekret nie jest zapisany szesnastkowo: {0}",
    "the secret is not hexadecimal: {0}",
);
/// The secret file has the wrong length.
pub const SECRET_WRONG_LENGTH: Text = Text::new(
    "sekret musi mieć 64 cyfry szesnastkowe (32 bajty)",
    "the secret must be 64 hex digits (32 bytes)",
);
/// The secret file does not belong to the database: `{0}` the secret file.
pub const SECRET_MISMATCH: Text = Text::new(
    "{0}: to nie jest sekret, z którym utworzono pseudonimy w bazie danych; przywróć pierwotny plik sekretu",
    "{0}: this secret is not the one the database's pseudonyms were made with; restore the original secret file",
);
/// A secret without its database: `{0}` the database, `{1}` the secret file.
pub const DATABASE_GONE: Text = Text::new(
    "baza danych {0} jest nowa lub pusta, ale plik sekretu {1} istnieje: fakty zapisano już pod tym sekretem w bazie danych, której już nie ma: odtwórz bazę z kopii zapasowej (docs/http.md, Backup); aby celowo zacząć od pustej bazy, uruchom serwer raz z opcją --allow-new-database",
    "{0} is new or empty, but the secret file {1} exists: facts were stored under this secret before, in a database that is gone: restore the database from a backup (docs/http.md, Backup); to start over with an empty database on purpose, start once with --allow-new-database",
);
/// The stored facts cannot be given checksums: `{0}` the reason.
pub const CANNOT_BACKFILL_CHECKSUMS: Text = Text::new(
    "nie można nadać zapisanym faktom sum kontrolnych: {0}",
    "cannot give the stored facts their checksums: {0}",
);
/// No randomness for a secret or a token: `{0}` the reason.
pub const NO_RANDOMNESS: Text = Text::new(
    "brak dostępu do źródła losowości: {0}",
    "no randomness available: {0}",
);
/// No randomness for the exporter's pseudonyms: `{0}` the reason.
pub const NO_RANDOMNESS_FOR_PSEUDONYMS: Text = Text::new(
    "brak źródła losowości dla pseudonimów osób: {0}",
    "no randomness for the pseudonyms of persons: {0}",
);

// ---------------------------------------------------------------------------
// Export

/// An export refused for error findings: `{0}` the project file, `{1}` how
/// many errors.
pub const EXPORT_REFUSED: Text = Text::new(
    "odmowa: {0} ma błędy walidacji (liczba: {1}); aby mimo to wyeksportować, podaj --force:",
    "refused: {0} has {1} error findings (give --force to export anyway):",
);
/// The warning an export forced over error findings carries: `{0}` how many
/// errors, `{1}` the errors.
pub const FORCED_EXPORT: Text = Text::new(
    "OSTRZEŻENIE: wyeksportowano z opcją --force, choć projekt ma błędy walidacji (liczba: {0}): {1}",
    "WARNING: exported with --force although the project has {0} error findings: {1}",
);
/// A `--lang` the exporter does not write: `{0}` the value given (quoted).
pub const NOT_A_LANGUAGE: Text = Text::new(
    "{0} to nie język, w którym eksport jest zapisywany: podaj pl albo en",
    "{0} is not a language this export writes: give pl or en",
);
/// The workbook cannot be built: `{0}` the reason.
pub const CANNOT_BUILD_WORKBOOK: Text = Text::new(
    "nie można zbudować skoroszytu: {0}",
    "cannot build the workbook: {0}",
);
/// Every CSV table asked into a file: `{0}` the output path.
pub const CSV_OUTPUT_IS_A_FILE: Text = Text::new(
    "{0} to nazwa pliku CSV, a --format csv zapisuje każdą tabelę do osobnego pliku w katalogu: podaj katalog jako -o albo --table NAZWA, aby zapisać do tego pliku jedną tabelę",
    "{0} names a CSV file, but --format csv writes every table, one file each, into a directory: give a directory as -o, or --table NAME to write one table to that file",
);
/// An empty `--iati-org-ref`.
pub const ORG_REF_EMPTY: Text = Text::new(
    "identyfikator organizacji IATI nie może być pusty",
    "an IATI organisation identifier cannot be empty",
);
/// A character IATI forbids in an identifier: `{0}` the character (quoted).
pub const ORG_REF_FORBIDDEN_CHARACTER: Text = Text::new(
    "identyfikator organizacji IATI nie może zawierać {0}: oczekiwano kodu agencji rejestrującej i identyfikatora połączonych łącznikiem",
    "an IATI organisation identifier cannot hold {0}: expected a registration agency code and an identifier joined by a hyphen",
);

// ---------------------------------------------------------------------------
// IATI narrative (the document's narratives and comments)

/// The comment at the top: `{0}` the project, `{1}` the as-of date, `{2}`
/// the version in force, `{3}` its label.
pub const IATI_ABOUT: Text = Text::new(
    "Działanie IATI 2.03 projektu {0} według stanu na {1}, wersja w mocy: {2} ({3}). Zapisane przez kooperacja-export; zob. docs/export.md.",
    "IATI 2.03 activity of project {0} as of {1}, version in force: {2} ({3}). Written by kooperacja-export; see docs/export.md.",
);
/// The comment on a placeholder identifier: `{0}` the identifier.
pub const IATI_PLACEHOLDER: Text = Text::new(
    "{0} to ZASTĘPCZY identyfikator organizacji: źródła nie podają zarejestrowanego identyfikatora IATI. Podaj prawdziwy opcją iati-org-ref programu kooperacja-export; iati-identifier i reporting-org/@ref pójdą za nim.",
    "{0} is a PLACEHOLDER organisation identifier: the sources give no registered IATI identifier. Give the real one with the iati-org-ref option of kooperacja-export; iati-identifier and reporting-org/@ref follow it.",
);
/// The narrative of a forced export's warning (`description` of type 4):
/// the Polish one points to the English narrative, which is the warning
/// itself ([`FORCED_EXPORT`]).
pub const IATI_FORCED_EXPORT: Text = Text::new(
    "OSTRZEŻENIE: dokument wyeksportowano z opcją --force, choć projekt ma błędy walidacji (szczegóły w narracji angielskiej).",
    "WARNING: the document was exported with --force although the project has validation errors (the details follow).",
);
/// The general description. Polish: `{0}` the title, `{1}` the programme,
/// `{2}` its short name, `{3}` the action, `{4}` its name, `{5}` the fund's
/// name, `{6}` its code, `{7}` the leader, `{8}` how many partners, `{9}`
/// the period, `{10}` the version's label. English: `{0}` to `{4}` the same
/// (the English title), `{5}` the fund in English, `{6}` the leader, `{7}`
/// how many partners, `{8}` and `{9}` the period's first and last day,
/// `{10}` the version.
pub const IATI_PROJECT: Text = Text::new(
    "Projekt „{0}” w ramach programu {1} ({2}), działanie {3} „{4}”, fundusz: {5} ({6}). Lider: {7}; partnerzy: {8}. Okres realizacji: {9} (wersja w mocy: {10}).",
    "Project \"{0}\" under the programme {1} ({2}), action {3} \"{4}\", fund: {5}. Leader: {6}; partners: {7}. Period: {8} to {9} (version in force: {10}).",
);
/// The European Social Fund.
pub const FUND_ESF: Text = Text::new(
    "Europejski Fundusz Społeczny (EFS)",
    "European Social Fund (ESF)",
);
/// The European Social Fund Plus.
pub const FUND_ESF_PLUS: Text = Text::new(
    "Europejski Fundusz Społeczny Plus (EFS+)",
    "European Social Fund Plus (ESF+)",
);
/// The EU as a funder: Polish `{0}` the fund's name, `{1}` its code;
/// English `{0}` the fund in English.
pub const FUNDER_EU: Text = Text::new("Unia Europejska – {0} ({1})", "European Union – {0}");
/// The state budget as a funder.
pub const FUNDER_STATE_BUDGET: Text = Text::new(
    "Budżet państwa (Rzeczpospolita Polska)",
    "State budget of the Republic of Poland",
);
/// The beneficiaries as funders.
pub const FUNDER_OWN: Text = Text::new(
    "Wkład własny beneficjentów",
    "The beneficiaries' own contribution",
);
/// Local government units (JST) as funders.
pub const FUNDER_JST: Text = Text::new(
    "Budżety jednostek samorządu terytorialnego",
    "Budgets of local government units (JST)",
);
/// The DAC sector 16010.
pub const SECTOR_SOCIAL_PROTECTION: Text = Text::new("Ochrona socjalna", "Social protection");
/// The comment on locations.
pub const IATI_LOCATIONS: Text = Text::new(
    "Lokalizacje: województwa (ADM1), powiaty (ADM2) i gminy (ADM3) projektu. IATI nie ma słownika dla TERYT, urzędowego polskiego rejestru jednostek, więc kod TERYT jest w location/@ref jako TERYT-{code}, a administrative wskazuje tylko kraj (słownik A4, ISO 3166-1).",
    "Locations: the project's voivodeships (ADM1), powiats (ADM2) and gminas (ADM3). IATI has no vocabulary for TERYT, the official Polish register of units, so the TERYT code is in location/@ref as TERYT-{code}, and administrative names only the country (vocabulary A4, ISO 3166-1).",
);
/// The name of a voivodeship as a location: `{0}` its name.
pub const LOCATION_VOIVODESHIP: Text = Text::new("województwo {0}", "{0} Voivodeship");
/// The name of a powiat as a location: `{0}` its name.
pub const LOCATION_POWIAT: Text = Text::new("powiat {0}", "powiat {0}");
/// The name of a gmina as a location: `{0}` its name.
pub const LOCATION_GMINA: Text = Text::new("gmina {0}", "gmina {0}");
/// The comment on budgets: `{0}` the total.
pub const IATI_BUDGETS: Text = Text::new(
    "Budżety: łączna kwota {0} PLN wersji w mocy, którą źródła podają tylko dla całego okresu, podzielona na lata kalendarzowe proporcjonalnie do liczby dni (co do grosza; wartość wyliczona, stąd status 1, orientacyjny).",
    "Budgets: the total {0} PLN of the version in force, which the sources state for the whole period only, split pro rata by days into calendar years (exact to the grosz; derived, hence status 1 indicative).",
);
/// The comment on transactions: `{0}` the sum.
pub const IATI_TRANSACTIONS: Text = Text::new(
    "Transakcje: fakty wydatków zsumowane dla każdego partnera i miesiąca kalendarzowego, z datą ostatniego dnia miesiąca (lub datą stanu); łącznie {0} PLN.",
    "Transactions: expenditure facts summed per partner and calendar month, dated the month's last day (or the as-of date); {0} PLN in all.",
);
/// The comment on results.
pub const IATI_RESULTS: Text = Text::new(
    "Rezultaty: po jednym na wskaźnik. Wartości docelowe liczone są narastająco od początku projektu i przypisane do okresu, w którym przypada termin; wartości osiągnięte to wartość narastająca na koniec każdego rozpoczętego okresu (lub na datę stanu), łącznie i według województw.",
    "Results: one per indicator. Targets are cumulative from the project start and stand on the period that holds the due date; actuals are the cumulative value at each started period's end (or the as-of date), in total and by voivodeship.",
);
/// A due date at a milestone's end: `{0}` the date, `{1}` the milestone.
pub const DUE_AT_MILESTONE: Text = Text::new("{0} (koniec {1})", "{0} (end of {1})");
/// An indicator's description: `{0}` its unit, `{1}` its due date.
pub const IATI_INDICATOR: Text = Text::new(
    "Jednostka: {0}. Termin: {1}; wartości narastająco od początku projektu.",
    "Unit: {0}. Due: {1}. Values are cumulative from the project start.",
);
/// The rule an indicator is computed by: `{0}` the rule.
pub const COMPUTED_FROM_FACTS: Text =
    Text::new("Obliczany z faktów: {0}.", "Computed from facts: {0}.");
/// Why an indicator is not evaluated: `{0}` the note.
pub const NOT_EVALUATED: Text = Text::new("Nie obliczono: {0}.", "Not evaluated: {0}.");
/// A baseline computed from facts before the start.
pub const BASELINE_FROM_FACTS: Text = Text::new(
    "Wartość z faktów sprzed początku projektu.",
    "The value of the facts dated before the project start.",
);
/// A baseline of zero, assumed.
pub const BASELINE_ASSUMED_ZERO: Text = Text::new(
    "Nie obliczono; przyjęto 0: projekt wytwarza to, co liczy.",
    "Not computed; 0 assumed: the project creates what it counts.",
);
/// An actual value of a period still running: `{0}` the as-of date.
pub const PERIOD_RUNNING: Text = Text::new(
    "Stan na {0}; okres trwa.",
    "As of {0}; the period is still running.",
);

// ---------------------------------------------------------------------------
// API problems: the title of each problem type, and the details of refusals
// (said in the language the request prefers, see `docs/http.md`)

/// The title of a problem: a request that cannot be read as HTTP.
pub const PROBLEM_MALFORMED_REQUEST: Text = Text::new("Nieczytelne żądanie", "Unreadable request");
/// The title of a problem: a field of the body or a parameter is malformed.
pub const PROBLEM_INVALID_FIELD: Text = Text::new(
    "Nieprawidłowe pole lub parametr",
    "Invalid field or parameter",
);
/// The title of a problem: no token, or one that is not valid.
pub const PROBLEM_UNAUTHORIZED: Text = Text::new("Brak ważnego tokenu", "No valid token");
/// The title of a problem: the organisation may not do this.
pub const PROBLEM_FORBIDDEN: Text = Text::new("Brak uprawnień", "Not allowed");
/// The title of a problem: no such project, version or fact.
pub const PROBLEM_NOT_FOUND: Text = Text::new("Nie znaleziono", "Not found");
/// The title of a problem: a path the API does not have.
pub const PROBLEM_NO_SUCH_ROUTE: Text = Text::new("Nie ma takiej ścieżki", "No such path");
/// The title of a problem: a method the path does not take.
pub const PROBLEM_METHOD_NOT_ALLOWED: Text = Text::new("Niedozwolona metoda", "Method not allowed");
/// The title of a problem: the request took too long.
pub const PROBLEM_TIMEOUT: Text = Text::new("Przekroczono limit czasu", "Time limit exceeded");
/// The title of a problem: the id is stored with other content.
pub const PROBLEM_CONFLICT: Text =
    Text::new("Konflikt z zapisanym faktem", "Conflict with a stored fact");
/// The title of a problem: the body is over its limit.
pub const PROBLEM_TOO_LARGE: Text = Text::new("Za duże żądanie", "Request too large");
/// The title of a problem: the path and query are too long.
pub const PROBLEM_URI_TOO_LONG: Text = Text::new("Za długi adres", "Address too long");
/// The title of a problem: too many or too large headers.
pub const PROBLEM_HEADERS_TOO_LARGE: Text = Text::new("Za duże nagłówki", "Headers too large");
/// The title of a problem: the body is not JSON.
pub const PROBLEM_UNSUPPORTED_MEDIA_TYPE: Text =
    Text::new("Nieobsługiwany typ treści", "Unsupported media type");
/// The title of a problem: the record is not a fact of its kind.
pub const PROBLEM_INVALID_FACT: Text = Text::new("Nieprawidłowy fakt", "Invalid fact");
/// The title of a problem: a value has the shape of personal data.
pub const PROBLEM_PERSONAL_DATA: Text = Text::new(
    "Wartość wygląda na dane osobowe",
    "A value looks like personal data",
);
/// The title of a problem: the fact does not fit the project.
pub const PROBLEM_FACT_CHECK: Text = Text::new(
    "Fakt nie pasuje do projektu",
    "The fact does not fit the project",
);
/// The title of a problem: a project of one version has nothing to compare.
pub const PROBLEM_NOTHING_TO_COMPARE: Text =
    Text::new("Nie ma czego porównać", "Nothing to compare");
/// The title of a problem: the server failed.
pub const PROBLEM_INTERNAL: Text = Text::new("Błąd serwera", "Server error");
/// The title of a problem: the server is starting or its database is not available.
pub const PROBLEM_UNAVAILABLE: Text = Text::new("Serwer niedostępny", "Server unavailable");
/// The title of a problem of no other kind.
pub const PROBLEM_OTHER: Text = Text::new("Błąd", "Error");
/// A parameter that should be a date is not one: {0} the parameter's name.
pub const PARAMETER_NOT_A_DATE: Text = Text::new(
    "{0}: to nie jest data; podaj datę w postaci 2020-09-30",
    "{0}: not a date; expected a date like 2020-09-30",
);
/// No project of that id is served: {0} the id, {1} the ids served.
pub const NO_SUCH_PROJECT: Text = Text::new(
    "nie ma tu projektu {0}; dostępne: {1}",
    "no project {0} is served here; expected one of: {1}",
);
/// A path that needs a token was asked for without one.
pub const TOKEN_NEEDED: Text = Text::new(
    "ta ścieżka wymaga tokenu: wyślij nagłówek \"Authorization: Bearer <token>\" (kooperacja-server token create)",
    "this endpoint needs a token: send \"Authorization: Bearer <token>\" (kooperacja-server token create)",
);
/// The token sent is not known, or has been revoked.
pub const TOKEN_UNKNOWN: Text = Text::new(
    "token jest nieznany albo został unieważniony",
    "the token is not known or has been revoked",
);
/// The Authorization header is not of the form `Bearer <token>`.
pub const AUTHORIZATION_MALFORMED: Text = Text::new(
    "oczekiwano nagłówka Authorization w postaci \"Bearer <token>\"",
    "expected an Authorization header of the form \"Bearer <token>\"",
);
/// A fact of a batch that is refused: {0} its position from 0, {1} why.
pub const FACT_OF_THE_BATCH: Text = Text::new("fakt {0} partii: {1}", "fact {0} of the batch: {1}");
/// A write whose body is not JSON.
pub const BODY_NOT_JSON_TYPE: Text = Text::new(
    "oczekiwano treści typu application/json",
    "expected a body of type application/json",
);
/// A body over its limit: {0} the limit in bytes.
pub const BODY_TOO_LARGE: Text = Text::new(
    "treść jest większa niż {0} bajtów",
    "the body is larger than {0} bytes",
);
/// A body that cannot be read: {0} why.
pub const BODY_CANNOT_BE_READ: Text = Text::new(
    "nie można odczytać treści: {0}",
    "the body cannot be read: {0}",
);
/// A body that is not JSON: {0} where and why.
pub const BODY_NOT_VALID_JSON: Text = Text::new(
    "treść nie jest poprawnym JSON-em: {0}",
    "the body is not valid JSON: {0}",
);
/// A body that is not UTF-8: {0} the first bad byte's position from 1.
pub const BODY_NOT_UTF8: Text = Text::new(
    "treść nie jest w UTF-8: bajt {0} jest nieprawidłowy",
    "the body is not UTF-8: byte {0} is not valid",
);
/// A field holding what looks like a PESEL number: {0} the field.
pub const FIELD_LOOKS_LIKE_A_PESEL: Text = Text::new(
    "{0}: zawiera liczbę 11-cyfrową, czyli kształt numeru PESEL; żadne pole faktu nie może zawierać danych osobowych (osoby zapisuje się kluczami pseudonimowymi)",
    "{0}: holds an 11-digit number, the shape of a PESEL number; no field of a fact may hold personal data (persons are recorded by pseudonymous keys)",
);
/// A note over its limit: {0} the limit in characters.
pub const NOTE_TOO_LONG: Text = Text::new(
    "notatka jest dłuższa niż {0} znaków",
    "the note is longer than {0} characters",
);
/// A fact that fails the project's checks: {0} the project, {1} the first finding.
pub const FACT_DOES_NOT_FIT_THE_PROJECT: Text = Text::new(
    "fakt nie pasuje do projektu {0}: {1}",
    "the fact does not fit project {0}: {1}",
);
/// An expenditure over the project's whole value: {0} the amount, {1} the largest value.
pub const EXPENDITURE_OVER_THE_PROJECT_VALUE: Text = Text::new(
    "wydatek {0} jest większy niż cała wartość projektu; oczekiwano najwyżej {1} w którąkolwiek stronę",
    "an expenditure of {0} is larger than the project's whole value; expected at most {1} either way",
);
/// A batch body that is not an object.
pub const BATCH_NOT_AN_OBJECT: Text = Text::new(
    "oczekiwano obiektu {\"facts\": [...]}",
    "expected an object {\"facts\": [...]}",
);
/// A batch body with another field: {0} the field.
pub const BATCH_UNKNOWN_FIELD: Text = Text::new(
    "nieznane pole {0}; oczekiwano tylko \"facts\"",
    "unknown field {0}; expected only \"facts\"",
);
/// A batch body naming its facts twice.
pub const BATCH_FACTS_TWICE: Text = Text::new(
    "\"facts\" podano więcej niż raz",
    "\"facts\" is given more than once",
);
/// A batch body whose facts are not an array.
pub const BATCH_FACTS_NOT_AN_ARRAY: Text = Text::new(
    "oczekiwano \"facts\": tablicy faktów",
    "expected \"facts\": an array of facts",
);
/// A batch over its limit: {0} the facts in it, {1} the limit.
pub const BATCH_TOO_MANY_FACTS: Text = Text::new(
    "partia zawiera {0} faktów; naraz przyjmuje się najwyżej {1}",
    "the batch holds {0} facts; at most {1} are taken at once",
);
/// A fact kind that is not one: {0} the kind given, {1} the kinds.
pub const UNKNOWN_FACT_KIND: Text = Text::new(
    "nieznany rodzaj {0}; oczekiwano jednego z: {1}",
    "unknown kind {0}; expected one of: {1}",
);
/// A territory filter that is not digits: {0} the value given.
pub const TERRITORY_FILTER_NOT_DIGITS: Text = Text::new(
    "terytorium {0}: oczekiwano od 1 do 7 pierwszych cyfr kodu TERYT (04 dla województwa)",
    "territory {0}: expected the first 1 to 7 digits of a TERYT code (04 for a voivodeship)",
);
/// No fact of that id: {0} the project, {1} the id.
pub const NO_SUCH_FACT: Text = Text::new(
    "projekt {0} nie ma faktu {1}",
    "project {0} has no fact {1}",
);
/// The audit trail asked for by a partner: {0} the project.
pub const AUDIT_FOR_THE_LEADER_ONLY: Text = Text::new(
    "dziennik zmian jest tylko dla lidera projektu {0}",
    "the audit trail is for the leader of {0} only",
);
/// A query string that cannot be read: {0} why.
pub const QUERY_CANNOT_BE_READ: Text = Text::new(
    "nie można odczytać parametrów zapytania: {0}",
    "the query string cannot be read: {0}",
);
/// A path that cannot be read: {0} why.
pub const PATH_CANNOT_BE_READ: Text = Text::new(
    "nie można odczytać ścieżki: {0}",
    "the path cannot be read: {0}",
);
/// A token of another project: {0} its project, {1} the project asked for.
pub const TOKEN_OF_ANOTHER_PROJECT: Text = Text::new(
    "token jest dla projektu {0}, nie {1}",
    "the token is for project {0}, not {1}",
);
/// A token whose organisation is not in the project: {0} the organisation, {1} the project.
pub const TOKEN_ORGANISATION_NOT_IN_THE_PROJECT: Text = Text::new(
    "organizacja tokenu {0} nie jest organizacją projektu {1}",
    "the token's organisation {0} is not an organisation of project {1}",
);
/// A cursor this server did not give: {0} the value given.
pub const NOT_A_CURSOR: Text = Text::new(
    "{0} nie jest kursorem wydanym przez ten serwer; podaj next_cursor z poprzedniej strony",
    "cursor {0} is not a cursor this server gave; pass next_cursor from the previous page",
);
/// A page size out of range: {0} the value given, {1} the largest.
pub const LIMIT_OUT_OF_RANGE: Text = Text::new(
    "limit {0}: oczekiwano liczby całkowitej od 1 do {1}",
    "limit {0}: expected a whole number from 1 to {1}",
);
/// No version of that id: {0} the project, {1} the id, {2} the versions.
pub const NO_SUCH_VERSION_OF_THE_PROJECT: Text = Text::new(
    "projekt {0} nie ma wersji {1}; dostępne: {2}",
    "project {0} has no version {1}; expected one of: {2}",
);
/// A version with none before it to compare with: {0} the version, {1} the versions.
pub const NO_VERSION_BEFORE_IT: Text = Text::new(
    "wersja {0} nie ma wersji przed sobą; wskaż ją parametrem from (jedną z: {1})",
    "version {0} has no version before it; name one with from (one of: {1})",
);
/// A response that cannot be written: `{0}` the reason.
pub const CANNOT_WRITE_RESPONSE: Text = Text::new(
    "nie można zapisać odpowiedzi: {0}",
    "cannot write the response: {0}",
);
/// A report whose version the project does not have (a server failure).
pub const REPORT_VERSION_NOT_IN_PROJECT: Text = Text::new(
    "wersji raportu nie ma w projekcie",
    "the report's version is not in the project",
);
/// A version found a moment ago and then not (a server failure).
pub const KNOWN_VERSION_NOT_FOUND: Text = Text::new(
    "nie znaleziono znanej wersji",
    "a known version was not found",
);
/// The writer answered a write with no outcome (a server failure).
pub const WRITER_GAVE_NO_OUTCOME: Text =
    Text::new("zapis nie zwrócił wyniku", "the writer answered no outcome");
/// A database task that failed: `{0}` the reason.
pub const DATABASE_TASK_FAILED: Text = Text::new(
    "zadanie bazy danych nie powiodło się: {0}",
    "a database task failed: {0}",
);
/// The database failed: `{0}` the reason.
pub const DATABASE_FAILED: Text =
    Text::new("baza danych zawiodła: {0}", "the database failed: {0}");

// The workbook.

/// A date the spreadsheet format cannot hold: {0} the date.
pub const SPREADSHEET_CANNOT_HOLD_YEAR: Text = Text::new(
    "{0}: arkusz kalkulacyjny nie mieści dat z tego roku",
    "{0}: a spreadsheet cannot hold this year",
);

// The rules an audit note names (kept in the audit trail, for the leader).

/// The audit rule of an invalid field.
pub const AUDIT_INVALID_FIELD: Text = Text::new(
    "pole nie ma postaci, którą podaje dokument API",
    "the field does not have the form the API document gives",
);
/// The audit rule of an invalid fact.
pub const AUDIT_INVALID_FACT: Text = Text::new(
    "rekord nie jest faktem swojego rodzaju",
    "the record is not a fact of its kind",
);
/// The audit rule of a fact that does not fit the project.
pub const AUDIT_FACT_CHECK: Text = Text::new(
    "fakt nie pasuje do projektu",
    "the fact does not fit the project",
);
/// The audit rule of a write the organisation may not make.
pub const AUDIT_FORBIDDEN: Text = Text::new(
    "organizacja nie może tego zapisać",
    "the organisation may not write this",
);
/// The audit rule of a conflict of ids.
pub const AUDIT_CONFLICT: Text = Text::new(
    "ten identyfikator jest zapisany z inną treścią",
    "the id is stored with other content",
);
/// The audit rule of a body over its limit.
pub const AUDIT_TOO_LARGE: Text =
    Text::new("treść przekracza swój limit", "the body is over its limit");
/// The audit rule of a body of another media type.
pub const AUDIT_UNSUPPORTED_MEDIA_TYPE: Text = Text::new(
    "treść nie jest typu application/json",
    "the body is not application/json",
);
/// The audit rule of a value shaped like personal data.
pub const AUDIT_PERSONAL_DATA: Text = Text::new(
    "wartość ma postać danych osobowych",
    "a value has the shape of personal data",
);
