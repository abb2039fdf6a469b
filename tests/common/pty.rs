//! Run `factcheck` on a pseudo-terminal, as an editor's terminal would: its
//! stdout and stderr are a terminal of a given size, and everything it
//! writes there is read back (with the terminal's `\r\n` turned into `\n`).

use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};

/// What a run on a terminal wrote, and its exit code.
pub struct Screen {
    pub code: i32,
    pub text: String,
}

/// Run `cmd` with stdout and stderr on a new terminal of `cols` columns
/// (and 40 rows); stdin is empty.
pub fn run(cmd: &mut Command, cols: u16) -> Screen {
    let mut master: libc::c_int = -1;
    let mut slave: libc::c_int = -1;
    let size = libc::winsize {
        ws_row: 40,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills in two new descriptors, owned from here on.
    let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    for fd in [master, slave] {
        // Not inherited by the processes other tests start meanwhile: one
        // holding the terminal open would keep the read below from ending.
        // SAFETY: a descriptor just opened.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave.try_clone().unwrap()))
        .spawn()
        .expect("factcheck starts");
    // Only the child holds the terminal now (`cmd` keeps what it was given
    // until told otherwise): reading ends (EIO) when it exits.
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    drop(slave);
    let reader = std::thread::spawn(move || {
        let mut file = std::fs::File::from(master);
        let mut out = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            match file.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
        out
    });
    let status = child.wait().expect("factcheck ends");
    let bytes = reader.join().expect("reader");
    Screen {
        code: status.code().expect("exit code"),
        text: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
    }
}
