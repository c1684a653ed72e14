package org.ceteris.dag;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * Reads DAGitty's graph syntax (Textor et al. 2016, dagitty.net/manual): {@code dag { … }} with
 * node statements {@code X [exposure, pos="1,2"]}, chains of edges {@code A -> B <- C},
 * bidirected edges {@code A <-> B}, groups {@code {A B} -> C}, quoted names {@code "tenure (years)"},
 * and graph attributes {@code bb="…"} (ignored, as are {@code key=value} attributes such as
 * {@code pos}). Newlines and semicolons separate statements; {@code #} and {@code //} start
 * comments. Errors carry line and column. One pass, O(length of the text).
 */
final class DagittyReader {

    private enum Kind { NAME, QUOTED, RIGHT, LEFT, BOTH, UNDIRECTED, LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA, SEMI, EQUALS, END }

    private record Token(Kind kind, String text, int line, int column) {
        String where() {
            return "line " + line + ", column " + column;
        }

        String shown() {
            return kind == Kind.END ? "end of input" : "'" + text + "'";
        }
    }

    private final List<Token> tokens;
    private int pos;
    private final Map<String, EnumSet<Role>> nodes = new LinkedHashMap<>();
    private final Set<Edge> edges = new LinkedHashSet<>();

    private DagittyReader(String text) {
        this.tokens = tokenize(text);
    }

    static Dag read(String text) {
        if (text == null || text.isBlank()) {
            throw new CeterisException("the DAG is empty: give it in DAGitty syntax, e.g. 'dag { Z -> X; Z -> Y; X -> Y }'");
        }
        DagittyReader r = new DagittyReader(text);
        r.graph();
        return new Dag(new ArrayList<>(r.nodes.keySet()), new ArrayList<>(r.edges), r.nodes);
    }

    private void graph() {
        Token t = peek();
        boolean braces = false;
        if (t.kind == Kind.NAME && (t.text.equals("dag") || t.text.equals("digraph") || t.text.equals("graph")
                || t.text.equals("pdag") || t.text.equals("mag") || t.text.equals("pag"))
                && (peek(1).kind == Kind.LBRACE || peek(2).kind == Kind.LBRACE && peek(1).kind != Kind.EQUALS)) {
            if (!t.text.equals("dag")) {
                throw error(t, "only 'dag' graphs are supported, not '" + t.text + "'");
            }
            next();
            if (peek().kind != Kind.LBRACE) {
                next(); // an optional graph name
            }
            expect(Kind.LBRACE);
            braces = true;
        }
        while (true) {
            Token s = peek();
            if (s.kind == Kind.END) {
                if (braces) {
                    throw error(s, "missing '}' at the end of the DAG");
                }
                return;
            }
            if (s.kind == Kind.RBRACE && braces) {
                next();
                Token after = peek();
                if (after.kind != Kind.END) {
                    throw error(after, "unexpected " + after.shown() + " after the closing '}'");
                }
                return;
            }
            statement();
        }
    }

    private void statement() {
        Token s = peek();
        if (s.kind == Kind.SEMI || s.kind == Kind.COMMA) {
            next();
            return;
        }
        if (s.kind == Kind.NAME && peek(1).kind == Kind.EQUALS) { // graph attribute such as bb="…"
            next();
            next();
            value();
            return;
        }
        List<String> left = term();
        boolean chained = false;
        if (peek().kind == Kind.LBRACKET) {
            attributes(left, true);
        }
        while (true) {
            Token arrow = peek();
            if (arrow.kind == Kind.UNDIRECTED) {
                throw error(arrow, "undirected edge '--' is not allowed in a dag; use '->', '<-' or '<->'");
            }
            if (arrow.kind != Kind.RIGHT && arrow.kind != Kind.LEFT && arrow.kind != Kind.BOTH) {
                break;
            }
            next();
            List<String> right = term();
            for (String a : left) {
                for (String b : right) {
                    if (arrow.kind == Kind.RIGHT) {
                        edges.add(Edge.directed(a, b));
                    } else if (arrow.kind == Kind.LEFT) {
                        edges.add(Edge.directed(b, a));
                    } else {
                        if (a.equals(b)) {
                            throw error(arrow, "'" + a + " <-> " + a + "' joins a node to itself");
                        }
                        edges.add(Edge.bidirected(a, b));
                    }
                }
            }
            chained = true;
            left = right;
            if (peek().kind == Kind.LBRACKET) {
                attributes(left, false); // edge attributes (e.g. beta=…) are ignored
            }
        }
        if (!chained && left.isEmpty()) {
            throw error(s, "empty group '{}' is not a statement");
        }
    }

    private List<String> term() {
        Token t = next();
        List<String> names = new ArrayList<>();
        if (t.kind == Kind.LBRACE) {
            while (peek().kind == Kind.NAME || peek().kind == Kind.QUOTED || peek().kind == Kind.COMMA) {
                Token n = next();
                if (n.kind != Kind.COMMA) {
                    names.add(node(n));
                }
            }
            expect(Kind.RBRACE);
            return names;
        }
        if (t.kind == Kind.NAME || t.kind == Kind.QUOTED) {
            names.add(node(t));
            return names;
        }
        throw error(t, "expected a node name, found " + t.shown());
    }

    private String node(Token t) {
        if (t.kind == Kind.NAME && t.text.equals("dag")) {
            throw error(t, "'dag' is a keyword; quote it to use it as a node name");
        }
        nodes.computeIfAbsent(t.text, k -> EnumSet.noneOf(Role.class));
        return t.text;
    }

    private void attributes(List<String> targets, boolean forNodes) {
        expect(Kind.LBRACKET);
        while (true) {
            Token a = next();
            if (a.kind == Kind.RBRACKET) {
                return;
            }
            if (a.kind == Kind.COMMA) {
                continue;
            }
            if (a.kind != Kind.NAME) {
                throw error(a, "expected an attribute name, found " + a.shown());
            }
            if (peek().kind == Kind.EQUALS) {
                next();
                value();
                continue;
            }
            if (!forNodes) {
                continue;
            }
            Role role = role(a);
            for (String n : targets) {
                nodes.get(n).add(role);
            }
        }
    }

    private Role role(Token a) {
        switch (a.text.toLowerCase(Locale.ROOT)) {
            case "exposure":
            case "e":
                return Role.EXPOSURE;
            case "outcome":
            case "o":
                return Role.OUTCOME;
            case "latent":
            case "u":
            case "unobserved":
                return Role.LATENT;
            case "adjusted":
            case "a":
                return Role.ADJUSTED;
            default:
                throw error(a, "unknown node attribute '" + a.text + "'; use exposure, outcome, latent or adjusted");
        }
    }

    private void value() {
        Token v = next();
        if (v.kind != Kind.NAME && v.kind != Kind.QUOTED) {
            throw error(v, "expected a value after '=', found " + v.shown());
        }
    }

    private Token expect(Kind kind) {
        Token t = next();
        if (t.kind != kind) {
            throw error(t, "expected '" + symbol(kind) + "', found " + t.shown());
        }
        return t;
    }

    private static String symbol(Kind k) {
        switch (k) {
            case LBRACE: return "{";
            case RBRACE: return "}";
            case LBRACKET: return "[";
            case RBRACKET: return "]";
            default: return k.name().toLowerCase(Locale.ROOT);
        }
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int k) {
        return tokens.get(Math.min(pos + k, tokens.size() - 1));
    }

    private Token next() {
        Token t = peek();
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }

    private static CeterisException error(Token t, String message) {
        return new CeterisException("DAG syntax error at " + t.where() + ": " + message);
    }

    /** True for characters allowed in an unquoted node name. */
    static boolean nameChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int col = i - lineStart + 1;
            if (c == '\n') {
                line++;
                i++;
                lineStart = i;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '#' || (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (s.startsWith("<->", i)) {
                out.add(new Token(Kind.BOTH, "<->", line, col));
                i += 3;
            } else if (s.startsWith("->", i)) {
                out.add(new Token(Kind.RIGHT, "->", line, col));
                i += 2;
            } else if (s.startsWith("<-", i)) {
                out.add(new Token(Kind.LEFT, "<-", line, col));
                i += 2;
            } else if (s.startsWith("--", i)) {
                out.add(new Token(Kind.UNDIRECTED, "--", line, col));
                i += 2;
            } else if (s.startsWith("=>", i) || s.startsWith("<=", i)) {
                throw new CeterisException("DAG syntax error at line " + line + ", column " + col + ": '" + s.substring(i, i + 2)
                        + "' is not an edge; use '->', '<-' or '<->'");
            } else if ("{}[],;=".indexOf(c) >= 0) {
                Kind k = c == '{' ? Kind.LBRACE : c == '}' ? Kind.RBRACE : c == '[' ? Kind.LBRACKET
                        : c == ']' ? Kind.RBRACKET : c == ',' ? Kind.COMMA : c == ';' ? Kind.SEMI : Kind.EQUALS;
                out.add(new Token(k, String.valueOf(c), line, col));
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= s.length() || s.charAt(j) == '\n') {
                        throw new CeterisException("DAG syntax error at line " + line + ", column " + col
                                + ": unterminated quoted name (missing '\"')");
                    }
                    char d = s.charAt(j);
                    if (d == '\\' && j + 1 < s.length()) {
                        sb.append(s.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == '"') {
                        break;
                    }
                    sb.append(d);
                    j++;
                }
                if (sb.length() == 0) {
                    throw new CeterisException("DAG syntax error at line " + line + ", column " + col + ": empty quoted name");
                }
                out.add(new Token(Kind.QUOTED, sb.toString(), line, col));
                i = j + 1;
            } else if (nameChar(c) || c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < s.length() && nameChar(s.charAt(j))) {
                    j++;
                }
                out.add(new Token(Kind.NAME, s.substring(i, j), line, col));
                i = j;
            } else {
                throw new CeterisException("DAG syntax error at line " + line + ", column " + col
                        + ": unexpected character '" + c + "' (quote names with special characters)");
            }
        }
        out.add(new Token(Kind.END, "", line, s.length() - lineStart + 1));
        return out;
    }
}
