package org.sanlian.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The random source of every auditable draw (the double-random inspection draw, the 案卷评查 sample): a SHA-256
 * counter-mode generator, chosen so an auditor can reproduce every number with any SHA-256 tool and the result
 * never depends on a JDK's default generator.
 *
 * <p>Block {@code i} (i = 0, 1, 2, …) is {@code SHA-256(UTF-8(seed + "|" + stream + "|" + i))}; each block gives
 * four unsigned 63-bit numbers (its four big-endian 8-byte words, top bit cleared). A number below {@code n}
 * is drawn by rejection: a word {@code w} is used only when {@code w < floor(2^63 / n) * n}, and then the
 * number is {@code w mod n}, so every value below {@code n} is exactly equally likely.
 */
public final class DrawRandom {

    private final String prefix;
    private long block;
    private byte[] words = new byte[0];
    private int next;

    private static final SecureRandom SEEDS = new SecureRandom();

    public DrawRandom(String seed, String stream) {
        this.prefix = seed + "|" + stream + "|";
    }

    /** A fresh seed for a draw whose requester named none: 32 bytes from a SecureRandom, as 64 hex digits. */
    public static String newSeed() {
        byte[] bytes = new byte[32];
        SEEDS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A uniformly distributed number in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = (Long.MAX_VALUE / bound) * bound;
        while (true) {
            long word = nextWord();
            if (word < limit) {
                return (int) (word % bound);
            }
        }
    }

    /**
     * Fisher–Yates in place: i from n−1 down to 1 swaps element i with element {@link #nextInt}(i+1), so every
     * order is equally likely and the same seed and stream give the same order.
     */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    private long nextWord() {
        if (next == words.length) {
            words = sha256(prefix + block++);
            next = 0;
        }
        long word = 0;
        for (int i = 0; i < 8; i++) {
            word = (word << 8) | (words[next + i] & 0xFF);
        }
        next += 8;
        return word & Long.MAX_VALUE;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String sha256Hex(String text) {
        StringBuilder hex = new StringBuilder(64);
        for (byte b : sha256(text)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
