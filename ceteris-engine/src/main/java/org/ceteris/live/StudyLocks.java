package org.ceteris.live;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** One lock per study, so that a study never runs twice at once in this process (scheduler and API alike). */
public final class StudyLocks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The study's lock if it was free (the caller unlocks it), or null while the study runs. */
    public ReentrantLock tryLock(String study) {
        ReentrantLock lock = locks.computeIfAbsent(study, s -> new ReentrantLock());
        return lock.tryLock() ? lock : null;
    }
}
