//! Small file-system helpers: finding files, and writing so that nothing is ever half-written
//! (and, for files meant for people, readable by exactly whom they are meant for).

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::platform::Access;

/// Every `.rs` file below `dir`, sorted, or none if `dir` does not exist.
pub fn rust_files_below(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// `path` relative to `base`, with `/` separators.
pub fn relative_slash_path(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Writes `contents` to `path` through a temporary file in the same folder and a rename, so a
/// reader (or an interrupted grader) never sees half a file.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut temporary = tempfile::NamedTempFile::new_in(dir)?;
    // A temporary file is its owner's alone; what the grader writes is for others to read too
    // (the build folder, for the learner user that compiles in it).
    crate::platform::readable_by_all(temporary.as_file())?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// [`write_atomically`], with the file readable by `access` from the moment it appears: the
/// temporary file is `0600` whatever the umask, so its mode is set before the rename.
pub fn write_atomically_for(path: &Path, contents: &[u8], access: Access) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(dir)?;
    temporary.write_all(contents)?;
    crate::platform::set_file_access(temporary.as_file(), access)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// Writes a new file readable by `access`, atomically, unless `path` already exists: then
/// nothing is written and the answer is `false`. For a file that must never be replaced once it
/// exists, even by two graders at once.
pub fn create_atomically_for(
    path: &Path,
    contents: &[u8],
    access: Access,
) -> std::io::Result<bool> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(dir)?;
    temporary.write_all(contents)?;
    crate::platform::set_file_access(temporary.as_file(), access)?;
    temporary.as_file().sync_all()?;
    match temporary.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(error) => Err(error.error),
    }
}

/// Creates `folder` (and its parents) and gives it `access`, whatever the umask and whatever its
/// mode was before.
pub fn create_folder_for(folder: &Path, access: Access) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    crate::platform::set_folder_access(folder, access)
        .map_err(|error| std::io::Error::new(error.kind(), format!("set who may read it: {error}")))
}

/// Writes `contents` unless the file already holds exactly that, and says whether it wrote.
///
/// cargo decides what to rebuild from modification times, so rewriting an unchanged file would
/// recompile it for nothing.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|existing| existing == contents) {
        return Ok(false);
    }
    write_atomically(path, contents)?;
    Ok(true)
}

/// Takes an exclusive lock on `path` (see [`crate::platform::lock_exclusively`]), waiting for
/// another grader to finish with it.
pub fn lock_exclusively(path: &Path) -> crate::error::Result<File> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| crate::error::GraderError::io(format!("open {}", path.display()), e))?;
    crate::platform::lock_exclusively(&file)
        .map_err(|e| crate::error::GraderError::io(format!("lock {}", path.display()), e))?;
    Ok(file)
}
