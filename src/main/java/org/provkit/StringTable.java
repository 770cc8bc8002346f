package org.provkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of strings that numbers them in the order they were added (0, 1, 2, ...), held as (modified) UTF-8 bytes
 * in large chunks with an open-addressing hash index: about the string's length in bytes plus 30 to 40 bytes each,
 * where a {@code HashSet<String>} takes its length plus about 90 (the String, its array, the map node and slot).
 * For the sets that grow with the number of documents or captures of a run (captured URLs, member names, revisit
 * targets, PROV identifiers), so that they stay small. Not thread-safe.
 */
public final class StringTable {

    static final int CHUNK = 1 << 16;
    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private final List<byte[]> chunks = new ArrayList<>();
    private int used = CHUNK; // bytes used of the last chunk (full: none yet)
    /** Per string: where its bytes are (chunk index << 32 | offset), their length, and its hash. */
    private long[] places = NO_LONGS;
    private int[] lengths = NO_INTS;
    private int[] hashes = NO_INTS;
    private int size;
    /** Open addressing, linear probing: 0 is an empty slot, else the string's number + 1. */
    private int[] slots = new int[16];

    /** Adds {@code s} unless present; true when it was not. */
    public boolean add(String s) {
        int before = size;
        number(s);
        return size > before;
    }

    /** The number of {@code s}, added now (with the next number) unless present. */
    public int number(String s) {
        byte[] bytes = encode(s);
        int hash = hash(bytes);
        int slot = probe(bytes, hash);
        if (slots[slot] != 0) {
            return slots[slot] - 1;
        }
        int number = append(bytes, hash);
        slots[slot] = number + 1;
        if (2 * size > slots.length) {
            rehash(slots.length * 2);
        }
        return number;
    }

    /** The slot holding {@code bytes}, or the empty slot where they would go. */
    private int probe(byte[] bytes, int hash) {
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0 || hashes[entry - 1] == hash && same(entry - 1, bytes)) {
                return slot;
            }
        }
    }

    /** The number of {@code s}, or -1 when it is not in the table. */
    public int indexOf(String s) {
        byte[] bytes = encode(s);
        return slots[probe(bytes, hash(bytes))] - 1;
    }

    public boolean contains(String s) {
        return indexOf(s) >= 0;
    }

    /** The string numbered {@code number}. */
    public String get(int number) {
        if (number < 0 || number >= size) {
            throw new IndexOutOfBoundsException(number);
        }
        long place = places[number];
        return decode(chunks.get((int) (place >>> 32)), (int) place, lengths[number]);
    }

    public int size() {
        return size;
    }

    private int append(byte[] bytes, int hash) {
        if (size == places.length) {
            int capacity = Math.max(16, size + (size >> 1));
            places = Arrays.copyOf(places, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
        }
        byte[] chunk;
        if (chunks.isEmpty() || bytes.length > CHUNK - used) {
            // A string longer than a chunk gets one of its own; the next string starts a new chunk.
            chunk = new byte[Math.max(CHUNK, bytes.length)];
            chunks.add(chunk);
            used = 0;
        } else {
            chunk = chunks.get(chunks.size() - 1);
        }
        System.arraycopy(bytes, 0, chunk, used, bytes.length);
        places[size] = (long) (chunks.size() - 1) << 32 | used;
        lengths[size] = bytes.length;
        hashes[size] = hash;
        used += bytes.length;
        if (used > CHUNK) {
            used = CHUNK;
        }
        return size++;
    }

    private boolean same(int number, byte[] bytes) {
        if (lengths[number] != bytes.length) {
            return false;
        }
        long place = places[number];
        int from = (int) place;
        return Arrays.equals(chunks.get((int) (place >>> 32)), from, from + bytes.length, bytes, 0, bytes.length);
    }

    private void rehash(int capacity) {
        int[] grown = new int[capacity];
        int mask = capacity - 1;
        for (int number = 0; number < size; number++) {
            int slot = hashes[number] & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = number + 1;
        }
        slots = grown;
    }

    /**
     * Java's modified UTF-8 (as {@code DataOutput.writeUTF}, without its length): UTF-8 for every char on its own,
     * so that any string, one with a lone surrogate too, comes back exactly (standard UTF-8 would turn that into
     * {@code ?}). The same as UTF-8 for ASCII.
     */
    static byte[] encode(String s) {
        int length = s.length();
        int size = length;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 0x7f) {
                size += c <= 0x7ff ? 1 : 2;
            }
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c != 0 && c <= 0x7f) {
                out[at++] = (byte) c;
            } else if (c <= 0x7ff) {
                out[at++] = (byte) (0xc0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else {
                out[at++] = (byte) (0xe0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return out;
    }

    static String decode(byte[] bytes, int from, int length) {
        char[] chars = new char[length];
        int n = 0;
        int end = from + length;
        for (int i = from; i < end; ) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                chars[n++] = (char) b;
                i++;
            } else if (b < 0xe0) {
                chars[n++] = (char) ((b & 0x1f) << 6 | bytes[i + 1] & 0x3f);
                i += 2;
            } else {
                chars[n++] = (char) ((b & 0x0f) << 12 | (bytes[i + 1] & 0x3f) << 6 | bytes[i + 2] & 0x3f);
                i += 3;
            }
        }
        return new String(chars, 0, n);
    }

    /** FNV-1a, then mixed so that the low bits (the slot) depend on every byte. */
    private static int hash(byte[] bytes) {
        int h = 0x811c9dc5;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
