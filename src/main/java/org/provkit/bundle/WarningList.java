package org.provkit.bundle;

import java.util.AbstractList;
import java.util.Arrays;

import org.provkit.StringTable;

/**
 * The warnings of a run, in the order they came, held compactly: each path and each distinct message once
 * ({@link StringTable}), a warning as two numbers. A crawl of 20,000 pages gave 41,592 warnings, nearly all one
 * of two messages; as {@link DocumentWarning}s with strings of their own they took about 9 MB of the heap until
 * the run's end. Read-only to its readers: {@link #get} makes the warning on demand.
 */
final class WarningList extends AbstractList<DocumentWarning> {

    private final StringTable paths = new StringTable();
    private final StringTable messages = new StringTable();
    private int[] pathOf = new int[16];
    private int[] messageOf = new int[16];
    private int size;

    void add(String path, String message) {
        if (size == pathOf.length) {
            pathOf = Arrays.copyOf(pathOf, size * 2);
            messageOf = Arrays.copyOf(messageOf, size * 2);
        }
        pathOf[size] = path == null ? -1 : paths.number(path);
        messageOf[size] = message == null ? -1 : messages.number(message);
        size++;
        modCount++;
    }

    @Override
    public DocumentWarning get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int path = pathOf[index];
        int message = messageOf[index];
        return new DocumentWarning(path < 0 ? null : paths.get(path), message < 0 ? null : messages.get(message));
    }

    @Override
    public int size() {
        return size;
    }
}
