//! The loaded and indexed fact base kept on disk between runs, so that the
//! editor and CI loop skip parsing, validating and indexing it when nothing
//! changed (as ruff keeps `.ruff_cache/`).
//!
//! Where: `.factcheck_cache/` beside the first fact-base path given (beside
//! `claims/` for `-f claims`, inside `claims/` for `-f claims/paris.toml`),
//! or in `FACTCHECK_CACHE_DIR` when set. One file per set of fact-base
//! files, named by a hash of their paths; the folder holds a `.gitignore`
//! of `*` and a `CACHEDIR.TAG`, so neither git nor backups keep it.
//!
//! What: a manifest, then the base (with the gazetteer's entities added)
//! with its warnings, and its search index, each serialised with postcard,
//! each with its length and xxh3 hash (they are read back on two threads).
//! The manifest holds the format's version, the binary's version, size and
//! modification time (a rebuilt binary may lay its types out anew), and the
//! path, size, modification time and xxh3 hash of every fact-base file, in
//! load order. A file is taken as unchanged when its size and modification
//! time are those recorded and it was not modified in the two seconds
//! before the cache was written (an edit within the clock's resolution
//! might not move it); otherwise its bytes are hashed and compared, and
//! when every file's bytes match, the manifest is written again with the
//! new times. A cache whose manifest does not match, whose parts are cut
//! short or do not hash as recorded, or that does not read back, is
//! ignored and written anew: a cache is never trusted over the files. It
//! is written to a temporary file renamed into place, so a reader never
//! sees half of one; a folder that cannot be written only means no cache.
//!
//! Turned off by `--no-cache` or `FACTCHECK_NO_CACHE=1` (any value but
//! empty or `0`).

use std::cell::OnceCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use super::index::Index;
use super::load::{collect_files, display_path};
use super::model::FactBase;
use super::problem::Problem;

/// The cache folder's name.
pub const DIR: &str = ".factcheck_cache";

/// Bumped whenever what the cache holds changes shape.
const FORMAT: u32 = 2;

/// The first bytes of every cache file.
const MAGIC: &[u8; 16] = b"factcheck-cache\n";

/// A file modified this close to the cache's writing is hashed on every read.
const RACY: Duration = Duration::from_secs(2);

/// Whether the environment turns the cache off (`FACTCHECK_NO_CACHE`).
pub fn disabled_by_env() -> bool {
    std::env::var_os("FACTCHECK_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// One fact-base file as the cache saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    /// As the loader shows it (messages and reports quote it).
    path: String,
    size: u64,
    /// Nanoseconds since the epoch; 0 when unknown.
    modified: u128,
    /// xxh3-128 of the bytes.
    hash: u128,
}

/// What the cache was made from.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    binary: String,
    /// When it was written, in nanoseconds since the epoch.
    written: u128,
    files: Vec<Stamp>,
}

/// The cache slot of one set of fact-base files.
pub struct Cache {
    path: PathBuf,
    files: Vec<PathBuf>,
    /// The files' stamps with their hashes, taken before the base is
    /// loaded from them (so that an edit after that point leaves a stamp
    /// the next run does not match).
    stamps: OnceCell<Option<Vec<Stamp>>>,
}

fn nanos(t: std::io::Result<SystemTime>) -> u128 {
    t.ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// A file's size and modification time.
fn stat(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), nanos(meta.modified())))
}

/// xxh3-128 of a file's bytes, read a block at a time.
fn hash_file(path: &Path) -> Option<u128> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Xxh3::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Some(hasher.digest128()),
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

/// A part of the cache file: its length, its hash, its bytes.
fn part(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxh3_128(bytes).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// The next part of `bytes` and what follows it, if it is whole and hashes as recorded.
fn take_part(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = bytes.split_first_chunk::<8>()?;
    let (hash, rest) = rest.split_first_chunk::<16>()?;
    let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
    if rest.len() < len {
        return None;
    }
    let (body, rest) = rest.split_at(len);
    (xxh3_128(body).to_le_bytes() == *hash).then_some((body, rest))
}

impl Cache {
    /// The slot for the fact base at `paths`; `None` when its files cannot
    /// all be listed (the loader then reports why).
    pub fn open(paths: &[PathBuf]) -> Option<Cache> {
        let (files, problems) = collect_files(paths);
        if !problems.is_empty() || files.is_empty() {
            return None;
        }
        let dir = match std::env::var_os("FACTCHECK_CACHE_DIR").filter(|d| !d.is_empty()) {
            Some(d) => PathBuf::from(d),
            None => {
                let parent = paths[0].parent().filter(|p| !p.as_os_str().is_empty());
                parent.unwrap_or(Path::new(".")).join(DIR)
            }
        };
        let mut names = Vec::new();
        for file in &files {
            let shown = display_path(file);
            names.extend_from_slice(&(shown.len() as u64).to_le_bytes());
            names.extend_from_slice(shown.as_bytes());
        }
        Some(Cache {
            path: dir.join(format!("facts-{:016x}.bin", xxh3_64(&names))),
            files,
            stamps: OnceCell::new(),
        })
    }

    /// Where the cache file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The files' stamps now, hashes included (`None` if one cannot be read).
    fn stamps(&self) -> Option<&Vec<Stamp>> {
        self.stamps
            .get_or_init(|| {
                self.files
                    .iter()
                    .map(|f| {
                        let (size, modified) = stat(f)?;
                        Some(Stamp {
                            path: display_path(f),
                            size,
                            modified,
                            hash: hash_file(f)?,
                        })
                    })
                    .collect()
            })
            .as_ref()
    }

    /// Whether `manifest` was made by this binary from these very files;
    /// with `Some(true)` when the manifest is worth writing again with the
    /// files' new modification times.
    fn matches(&self, manifest: &Manifest) -> Option<bool> {
        if manifest.format != FORMAT || manifest.binary != binary() || manifest.files.len() != self.files.len() {
            return None;
        }
        let racy_from = manifest.written.saturating_sub(RACY.as_nanos());
        let mut hashed = false;
        for (k, (file, stamp)) in self.files.iter().zip(&manifest.files).enumerate() {
            if stamp.path != display_path(file) {
                return None;
            }
            let (size, modified) = stat(file)?;
            if size != stamp.size {
                return None;
            }
            if modified != stamp.modified || modified == 0 || modified >= racy_from {
                if self.stamps()?.get(k)?.hash != stamp.hash {
                    return None;
                }
                hashed |= modified != stamp.modified;
            }
        }
        Some(hashed)
    }

    /// The base, its index and its warnings, if the cache holds them for
    /// these very files and this very binary; `None` for anything else,
    /// after stamping the files as they are now (before the caller loads
    /// them, so that an edit made meanwhile is seen by the next run).
    pub fn read(&self) -> Option<(FactBase, Index, Vec<Problem>)> {
        let hit = self.read_inner();
        if hit.is_none() {
            let _ = self.stamps();
        }
        hit
    }

    fn read_inner(&self) -> Option<(FactBase, Index, Vec<Problem>)> {
        let bytes = std::fs::read(&self.path).ok()?;
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let (manifest, rest) = take_part(rest)?;
        let manifest: Manifest = postcard::from_bytes(manifest).ok()?;
        let rewrite = self.matches(&manifest)?;
        let (base, rest) = take_part(rest)?;
        let (index, rest) = take_part(rest)?;
        if !rest.is_empty() {
            return None;
        }
        let (base, index) = rayon::join(
            || postcard::from_bytes::<(FactBase, Vec<Problem>)>(base).ok(),
            || postcard::from_bytes::<Index>(index).ok(),
        );
        let ((base, warnings), mut index) = (base?, index?);
        index.restore(&base);
        if rewrite && let Some(stamps) = self.stamps() {
            let _ = self.write_parts(stamps, base_bytes(&bytes)?, index_bytes(&bytes)?);
        }
        Some((base, index, warnings))
    }

    /// Keep `base`, `index` and `warnings` for the next run. Any failure
    /// (a read-only folder, a full disk) leaves no cache and no trace.
    pub fn write(&self, base: &FactBase, index: &Index, warnings: &[Problem]) {
        let Some(stamps) = self.stamps() else {
            return;
        };
        let (Ok(base), Ok(index)) = (postcard::to_stdvec(&(base, warnings)), postcard::to_stdvec(index)) else {
            return;
        };
        let _ = self.write_parts(stamps, &base, &index);
    }

    fn write_parts(&self, stamps: &[Stamp], base: &[u8], index: &[u8]) -> std::io::Result<()> {
        let manifest = Manifest {
            format: FORMAT,
            binary: binary(),
            written: nanos(Ok(SystemTime::now())),
            files: stamps.to_vec(),
        };
        let manifest = postcard::to_stdvec(&manifest).map_err(std::io::Error::other)?;
        let mut head = Vec::with_capacity(MAGIC.len() + manifest.len() + 24);
        head.extend_from_slice(MAGIC);
        part(&mut head, &manifest);
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let made = !dir.is_dir();
        let result = self.write_in(dir, made, &head, base, index);
        if result.is_err() && made {
            // No trace: the folder goes too, if nothing else is in it.
            let _ = std::fs::remove_file(dir.join(".gitignore"));
            let _ = std::fs::remove_file(dir.join("CACHEDIR.TAG"));
            let _ = std::fs::remove_dir(dir);
        }
        result
    }

    fn write_in(&self, dir: &Path, make: bool, head: &[u8], base: &[u8], index: &[u8]) -> std::io::Result<()> {
        if make {
            std::fs::create_dir_all(dir)?;
            // Neither git nor backup tools should keep it (as ruff's cache says).
            std::fs::write(dir.join(".gitignore"), "# Created by factcheck.\n*\n")?;
            std::fs::write(
                dir.join("CACHEDIR.TAG"),
                "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by factcheck.\n",
            )?;
        }
        // A new file beside the cache, renamed over it once whole. Not synced:
        // a cache cut short by a crash fails its length or hash, and is rebuilt.
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = dir.join(format!(".facts-{}-{n}.tmp", std::process::id()));
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .and_then(|file| {
                let mut w = std::io::BufWriter::new(file);
                w.write_all(head)?;
                for bytes in [base, index] {
                    w.write_all(&(bytes.len() as u64).to_le_bytes())?;
                    w.write_all(&xxh3_128(bytes).to_le_bytes())?;
                    w.write_all(bytes)?;
                }
                w.flush()
            })
            .and_then(|()| std::fs::rename(&tmp, &self.path));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }
}

/// The base's part of a whole cache file's bytes.
fn base_bytes(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (_, rest) = take_part(rest)?;
    take_part(rest).map(|(b, _)| b)
}

/// The index's part of a whole cache file's bytes.
fn index_bytes(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (_, rest) = take_part(rest)?;
    let (_, rest) = take_part(rest)?;
    take_part(rest).map(|(b, _)| b)
}

/// This binary: its version, and the size and modification time of its
/// file, so that a rebuilt binary never reads what another build wrote.
fn binary() -> String {
    let mut id = format!("factcheck {}", env!("CARGO_PKG_VERSION"));
    if let Some(meta) = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok()) {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        id.push_str(&format!(" {} {modified}", meta.len()));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fact base of one file in a new folder, and its cache slot.
    fn slot() -> (tempfile::TempDir, Cache) {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("facts.toml");
        std::fs::write(&file, "[meta]\ntitle = \"t\"\n").expect("facts");
        let cache = Cache::open(&[file]).expect("a slot");
        (dir, cache)
    }

    fn manifest(cache: &Cache, binary: String, format: u32, written: u128) -> Manifest {
        Manifest {
            format,
            binary,
            written,
            files: cache.stamps().expect("stamps").clone(),
        }
    }

    #[test]
    fn the_format_and_the_binary_are_part_of_the_key() {
        let (dir, cache) = slot();
        assert_eq!(cache.path().parent(), Some(dir.path().join(DIR).as_path()));
        assert_eq!(cache.matches(&manifest(&cache, binary(), FORMAT, 0)), Some(false));
        assert!(binary().starts_with(&format!("factcheck {} ", env!("CARGO_PKG_VERSION"))));
        let older = binary().replace(env!("CARGO_PKG_VERSION"), "0.0.1");
        assert_eq!(
            cache.matches(&manifest(&cache, older, FORMAT, 0)),
            None,
            "another version"
        );
        let rebuilt = format!("{} 1", binary());
        assert_eq!(
            cache.matches(&manifest(&cache, rebuilt, FORMAT, 0)),
            None,
            "another build"
        );
        assert_eq!(
            cache.matches(&manifest(&cache, binary(), FORMAT + 1, 0)),
            None,
            "another format"
        );
    }

    #[test]
    fn a_files_bytes_are_hashed_unless_its_stamp_is_old_and_unchanged() {
        let (_dir, cache) = slot();
        let stamp = cache.stamps().expect("stamps")[0].clone();
        let mut m = manifest(&cache, binary(), FORMAT, 0);
        // Recorded with other bytes, at the same size and time.
        m.files[0].hash ^= 1;
        m.written = stamp.modified + 10 * RACY.as_nanos();
        assert_eq!(cache.matches(&m), Some(false), "an old stamp is trusted as it is");
        m.written = stamp.modified + RACY.as_nanos() / 2;
        assert_eq!(
            cache.matches(&m),
            None,
            "modified just before the cache was written: hashed"
        );
        // Another time, the same bytes: the same base, and a manifest worth writing again.
        m.files[0].hash = stamp.hash;
        m.files[0].modified -= 1;
        assert_eq!(cache.matches(&m), Some(true));
        m.files[0].size += 1;
        assert_eq!(cache.matches(&m), None, "another size");
        m.files[0].size -= 1;
        m.files[0].path.push('x');
        assert_eq!(cache.matches(&m), None, "another path");
    }

    #[test]
    fn a_part_is_whole_and_hashes_as_recorded_or_it_is_nothing() {
        let mut bytes = Vec::new();
        part(&mut bytes, b"hello");
        part(&mut bytes, b"world");
        let (first, rest) = take_part(&bytes).expect("whole");
        assert_eq!(
            (first, take_part(rest).map(|(b, r)| (b, r.len()))),
            (&b"hello"[..], Some((&b"world"[..], 0)))
        );
        assert_eq!(
            take_part(&bytes[..bytes.len() - 1]).map(|(_, r)| take_part(r)),
            Some(None)
        );
        let mut flipped = bytes.clone();
        flipped[24] ^= 1;
        assert_eq!(take_part(&flipped), None);
        let mut long = bytes.clone();
        long[0] = 0xFF;
        assert_eq!(take_part(&long), None, "a length past the end");
    }
}
