//! The text of the watch loop (`grader watch`): its banner and keys, how it follows saves, and
//! what it says around each verdict.

use crate::course::Exercise;
use crate::verdict::News;

/// The keys of the watch loop.
pub fn watch_keys(interactive: bool) -> String {
    let how = if interactive {
        "press"
    } else {
        "type a letter and Enter"
    };
    format!(
        "Keys ({how}): h hint · l list · n next exercise · g go to an exercise · r re-run · \
         R reset to the stub · q quit\n"
    )
}

/// How the watch loop follows the learner's saves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Following {
    /// The system's file watcher, with a poller that takes over if it misses a save.
    Watcher,
    /// Polling alone, because the learner asked for it (`--poll`).
    PollingAsked,
    /// Polling alone, because the file watcher could not start (why).
    PollingWatcherFailed(String),
    /// Polling alone, because the file watcher missed a save the poller saw.
    PollingWatcherMissed,
}

/// The status line of the watch loop: how saves are followed, and why.
pub fn watch_following(following: &Following) -> String {
    let polling = "following your saves by reading the files every half second";
    match following {
        Following::Watcher => {
            "Following your saves with the system's file watcher (if it misses one, polling \
             takes over).\n"
                .to_owned()
        }
        Following::PollingAsked => format!("Polling (--poll): {polling}.\n"),
        Following::PollingWatcherFailed(why) => {
            format!("Polling: the file watcher could not start ({why}), so {polling}.\n")
        }
        Following::PollingWatcherMissed => format!(
            "Polling: the file watcher missed that save (it does on some file systems, such as \
             WSL's /mnt or a network drive), so from now on {polling}.\n"
        ),
    }
}

/// What the watch loop says when it starts.
pub fn watch_banner(interactive: bool, following: &Following) -> String {
    format!(
        "threadlings: grading each exercise whenever you save it.\n{}{}",
        watch_following(following),
        watch_keys(interactive)
    )
}

/// Said after `g`: which exercise?
pub fn watch_goto_question(interactive: bool) -> String {
    let then = if interactive {
        "then Enter (Escape to cancel)"
    } else {
        "on the next line"
    };
    // On a line of its own: what the learner types appears on the next one.
    format!("Go to which exercise? Type its id (such as locks/counter), {then}:\n")
}

/// Asked after `R`: `reset`'s question on a line of its own, since the answer is one key (or one
/// line), never typed after the question as in `reset`.
pub fn watch_reset_question(exercise: &Exercise) -> String {
    format!("{}\n", super::reset_question(exercise).trim_end())
}

/// Said when `g` names no exercise of the course.
pub fn watch_no_such_exercise(id: &str) -> String {
    format!("course.yaml has no exercise `{id}`; press l to list them.\n")
}

/// Said before grading in the watch loop.
pub fn watch_grading(exercise: &Exercise) -> String {
    format!("\n── grading {} ({})…\n", exercise.id, exercise.path)
}

/// What grading knows before the verdict, under the grading line, as it comes.
pub fn watch_news(exercise: &Exercise, news: &News) -> String {
    let said = super::check::progress_news(&exercise.id, news);
    let said = said
        .strip_prefix(&format!("{}: ", exercise.id))
        .unwrap_or(&said);
    format!("   {said}\n")
}

/// Said after a verdict that is not a pass.
pub fn watch_waiting(exercise: &Exercise) -> String {
    format!(
        "Waiting for you to save {} (h for a hint).\n",
        exercise.path
    )
}

/// Said when the current exercise passes.
pub fn watch_passed(exercise: &Exercise, next: Option<&Exercise>) -> String {
    match next {
        Some(next) => format!(
            "🎉 {} passes. On to the next one: {}\n",
            exercise.id, next.path
        ),
        None => format!(
            "🎉 {} passes, and that was the last exercise of the course. Well done!\n",
            exercise.id
        ),
    }
}
