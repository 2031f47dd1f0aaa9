package net.bluemind.xmpp.common.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value types bm-xmpp settings use. */
final class Parsers {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern DOMAIN = Pattern.compile(
            "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)b?");

    private Parsers() {
    }

    static ValueParser<String> string() {
        return of(raw -> raw, "any text");
    }

    static ValueParser<Boolean> bool() {
        return of(raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException();
        }, "true or false");
    }

    static ValueParser<Integer> integer(int min, int max) {
        return of(raw -> {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new IllegalArgumentException("out of range");
            }
            return v;
        }, "a whole number from " + min + " to " + max);
    }

    static ValueParser<Duration> duration(Duration min) {
        return of(raw -> {
            Matcher m = DURATION.matcher(raw.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException();
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            if (d.compareTo(min) < 0) {
                throw new IllegalArgumentException("at least " + min.toMillis() + "ms");
            }
            return d;
        }, "a duration like 500ms, 30s, 10m, 2h, 7d");
    }

    /** A byte count like 512k, 64m, 2g. */
    static ValueParser<Long> size(long min) {
        return of(raw -> {
            Matcher m = SIZE.matcher(raw.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException();
            }
            long n = Long.parseLong(m.group(1));
            long v = switch (m.group(2)) {
                case "k" -> n << 10;
                case "m" -> n << 20;
                case "g" -> n << 30;
                default -> n;
            };
            if (v < min) {
                throw new IllegalArgumentException("at least " + min + " bytes");
            }
            return v;
        }, "a size in bytes like 65536, 512k, 64m, 1g");
    }

    static ValueParser<Path> path() {
        return of(raw -> {
            if (raw.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return Path.of(raw);
        }, "a file system path");
    }

    /** An http(s) URL, or empty meaning "find it through bm-locator". */
    static ValueParser<List<URI>> httpUrls() {
        return of(raw -> {
            List<URI> out = new ArrayList<>();
            for (String part : raw.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                URI u = URI.create(p);
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                    throw new IllegalArgumentException("not an http(s) URL: " + p);
                }
                out.add(u);
            }
            return List.copyOf(out);
        }, "comma-separated http(s) URLs, or empty to use bm-locator");
    }

    /** Browser origins as they travel in the Origin header: scheme://host[:port], no path; lower case. */
    static ValueParser<List<String>> webOrigins() {
        return of(raw -> {
            List<String> out = new ArrayList<>();
            for (String part : raw.split(",")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (p.isEmpty()) {
                    continue;
                }
                if (p.endsWith("/")) {
                    p = p.substring(0, p.length() - 1);
                }
                URI u = URI.create(p);
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null
                        || !u.getRawPath().isEmpty() || u.getRawQuery() != null || u.getRawUserInfo() != null) {
                    throw new IllegalArgumentException("not an origin: " + p);
                }
                out.add(p);
            }
            return List.copyOf(out);
        }, "comma-separated origins like https://mail.example.com, or empty");
    }

    /** One absolute URL of one of these schemes (host required, no query), or empty: none. */
    static ValueParser<String> optionalUrl(String... schemes) {
        List<String> allowed = List.of(schemes);
        String names = String.join(" or ", allowed.stream().map(x -> x + "://").toList());
        return of(raw -> {
            String p = raw.trim();
            if (p.isEmpty()) {
                return "";
            }
            URI u = URI.create(p);
            if (u.getScheme() == null || !allowed.contains(u.getScheme().toLowerCase(Locale.ROOT))
                    || u.getHost() == null || u.getRawQuery() != null || u.getRawUserInfo() != null) {
                throw new IllegalArgumentException("not a " + names + " URL: " + p);
            }
            return p;
        }, "a " + names + " URL, or empty");
    }

    /** XEP-0157 contact addresses: mailto:, xmpp:, http: or https: URIs, comma-separated; empty: none. */
    static ValueParser<List<String>> contactUris() {
        return of(raw -> {
            List<String> out = new ArrayList<>();
            for (String part : raw.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                URI u = URI.create(p);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!List.of("mailto", "xmpp", "http", "https").contains(scheme)
                        || u.getSchemeSpecificPart() == null || u.getSchemeSpecificPart().isBlank()) {
                    throw new IllegalArgumentException("not a mailto:, xmpp: or https: address: " + p);
                }
                out.add(p);
            }
            return List.copyOf(out);
        }, "comma-separated URIs like mailto:abuse@example.com, xmpp:admin@example.com, or empty");
    }

    /** DNS domain names, comma-separated, lower case, without a trailing dot; empty: none. */
    static ValueParser<List<String>> domainNames() {
        return of(raw -> names(raw, p -> DOMAIN.matcher(p).matches(), "not a domain name: "),
                "comma-separated domain names like partner.example, example.org, or empty");
    }

    /** Host names or IP addresses (IPv6 without brackets), comma-separated, lower case; empty: none. */
    static ValueParser<List<String>> hostNames() {
        return of(raw -> names(raw, p -> DOMAIN.matcher(p).matches() || IPV6.matcher(p).matches(),
                "not a host name or IP address: "), "comma-separated host names or IP addresses like turn.example.com, 203.0.113.10, or empty");
    }

    /** The comma-separated names of {@code raw}, lower case, without a trailing dot, each one {@code valid}. */
    private static List<String> names(String raw, java.util.function.Predicate<String> valid, String invalid) {
        List<String> out = new ArrayList<>();
        for (String part : raw.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.endsWith(".")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty()) {
                continue;
            }
            if (!valid.test(p)) {
                throw new IllegalArgumentException(invalid + part.trim());
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** A non-empty, comma-separated subset of the given words, in the order given, lower case. */
    static ValueParser<List<String>> subsetOf(String... allowed) {
        List<String> words = List.of(allowed);
        return of(raw -> {
            List<String> out = new ArrayList<>();
            for (String part : raw.split(",")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (p.isEmpty()) {
                    continue;
                }
                if (!words.contains(p)) {
                    throw new IllegalArgumentException("not one of " + String.join(", ", words) + ": " + part.trim());
                }
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return List.copyOf(out);
        }, "one or more of " + String.join(", ", words) + ", comma-separated");
    }

    static ValueParser<URI> amqpUri() {
        return of(raw -> {
            URI u = URI.create(raw);
            if (!"amqp".equals(u.getScheme()) && !"amqps".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return u;
        }, "an amqp:// or amqps:// URI with a host");
    }

    static <E extends Enum<E>> ValueParser<E> oneOf(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return of(raw -> Enum.valueOf(type, raw.toUpperCase(Locale.ROOT).replace('-', '_')), "one of " + names);
    }

    private static <T> ValueParser<T> of(java.util.function.Function<String, T> f, String expected) {
        return new ValueParser<>() {
            @Override
            public T parse(String raw) {
                return f.apply(raw);
            }

            @Override
            public String expected() {
                return expected;
            }
        };
    }
}
