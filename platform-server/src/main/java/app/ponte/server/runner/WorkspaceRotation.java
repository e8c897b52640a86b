package app.ponte.server.runner;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The subjects waiting for a worker thread, in one line per workspace. Threads take from the
 * workspaces in rotation, and from each at most {@code perWorkspace} subjects at once: a workspace
 * with a backlog of thousands gets its share of the threads, and another workspace's subject waits
 * for at most one turn of the rotation.
 */
final class WorkspaceRotation {

    private final int perWorkspace;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final Map<UUID, Line> lines = new HashMap<>();
    /** Workspaces whose next waiting subject may take a thread, in rotation order. */
    private final ArrayDeque<UUID> turns = new ArrayDeque<>();
    private int waiting;
    private int taken;
    private boolean closed;

    private static final class Line {
        final ArrayDeque<RunStore.Subject> subjects = new ArrayDeque<>();
        int running;
        boolean inTurns;
    }

    /**
     * @param perWorkspace how many of one workspace's subjects may be taken at once
     * @param capacity     how many subjects may wait in all
     */
    WorkspaceRotation(int perWorkspace, int capacity) {
        this.perWorkspace = Math.max(1, perWorkspace);
        this.capacity = capacity;
    }

    /** @return false when the rotation is full (the caller handles the subject itself) */
    boolean offer(RunStore.Subject subject) {
        lock.lock();
        try {
            if (waiting >= capacity) {
                return false;
            }
            Line line = lines.computeIfAbsent(subject.tenantId(), t -> new Line());
            line.subjects.add(subject);
            waiting++;
            offerTurn(subject.tenantId(), line);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest waiting subject of the next workspace in rotation, once there is one; every subject
     * taken must be given back with {@link #done}.
     *
     * @throws InterruptedException once closed (or when interrupted)
     */
    RunStore.Subject take() throws InterruptedException {
        lock.lock();
        try {
            while (closed || turns.isEmpty()) {
                if (closed) {
                    throw new InterruptedException("closed");
                }
                ready.await();
            }
            UUID tenant = turns.poll();
            Line line = lines.get(tenant);
            line.inTurns = false;
            RunStore.Subject subject = line.subjects.poll();
            waiting--;
            taken++;
            line.running++;
            offerTurn(tenant, line);
            return subject;
        } finally {
            lock.unlock();
        }
    }

    /** A taken subject is finished with: its workspace may have another taken. */
    void done(RunStore.Subject subject) {
        lock.lock();
        try {
            Line line = lines.get(subject.tenantId());
            line.running--;
            taken--;
            if (line.running == 0 && line.subjects.isEmpty()) {
                lines.remove(subject.tenantId());
            } else {
                offerTurn(subject.tenantId(), line);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Subjects waiting or taken. */
    int size() {
        lock.lock();
        try {
            return waiting + taken;
        } finally {
            lock.unlock();
        }
    }

    /** Threads waiting in {@link #take} with nothing to take leave it. */
    void close() {
        lock.lock();
        try {
            closed = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Puts the workspace at the back of the rotation if it has a subject waiting and a thread to spare (lock held). */
    private void offerTurn(UUID tenant, Line line) {
        if (!line.inTurns && !line.subjects.isEmpty() && line.running < perWorkspace) {
            line.inTurns = true;
            turns.add(tenant);
            ready.signal();
        }
    }
}
