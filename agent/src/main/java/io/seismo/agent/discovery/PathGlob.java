package io.seismo.agent.discovery;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.function.BiConsumer;

/**
 * One absolute glob pattern ({@code /var/log/app/*.log}, {@code /srv/**}{@code /access.log}). It walks only the
 * folder below the pattern's fixed prefix and only as deep as the pattern reaches, so a poll stays cheap.
 * Symbolic links are followed (container log folders are made of them); loops are skipped.
 */
public final class PathGlob {
    private static final int UNBOUNDED_DEPTH = 16;

    private final String pattern;
    private final Path base;
    private final int depth;
    private final PathMatcher matcher;

    public PathGlob(String absolutePattern) {
        Path whole = Path.of(absolutePattern).toAbsolutePath().normalize();
        this.pattern = whole.toString();
        Path fixed = whole.getRoot();
        int firstWild = whole.getNameCount();
        for (int i = 0; i < whole.getNameCount(); i++) {
            if (isWild(whole.getName(i).toString())) {
                firstWild = i;
                break;
            }
            fixed = fixed.resolve(whole.getName(i));
        }
        this.base = firstWild == whole.getNameCount() ? whole.getParent() : fixed;
        this.depth = pattern.contains("**") ? UNBOUNDED_DEPTH : Math.max(1, whole.getNameCount() - firstWild);
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + escapeBackslashes(pattern));
    }

    public String pattern() {
        return pattern;
    }

    /** Calls {@code found} with each regular file matching now. Unreadable folders are skipped, not fatal. */
    public void forEachMatch(BiConsumer<Path, BasicFileAttributes> found) {
        if (base == null || !Files.isDirectory(base)) {
            return;
        }
        try {
            Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && matcher.matches(file)) {
                        found.accept(file, attrs);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Vanished between listing and reading, a permission, a symlink loop: not this poll's problem.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // walkFileTree only throws what the visitor rethrows, and ours rethrows nothing.
        }
    }

    private static boolean isWild(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    private static String escapeBackslashes(String p) {
        // Backslash is the glob escape character; on Windows it is also the separator.
        return p.replace("\\", "\\\\");
    }
}
