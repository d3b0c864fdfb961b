package io.stockroom.e2e.fuzz;

import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.stockroom.e2e.fuzz.FuzzValues.chance;
import static io.stockroom.e2e.fuzz.FuzzValues.pick;

/** Request bodies: a well-formed one per endpoint, then mutated in content, in syntax, in encoding or in size. */
final class FuzzBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Past the producer's 64 KiB ceiling for JSON. */
    private static final int OVERSIZED_JSON_BYTES = 70 * 1024;

    private FuzzBodies() {
    }

    static byte[] body(Endpoints.Body kind, SplittableRandom random, String csrfToken) {
        if (chance(random, 1)) {
            return oversized(kind, random);
        }
        return switch (kind) {
            case NONE -> chance(random, 80) ? null : FuzzValues.junk(random, random.nextInt(1, 200));
            case CSV -> csv(random);
            case FORM -> form(random, csrfToken);
            case MULTIPART -> multipart(random, csrfToken);
            default -> json(valid(kind, random), random);
        };
    }

    /** A body the endpoint would accept, as a mutable map. */
    static Map<String, Object> valid(Endpoints.Body kind, SplittableRandom random) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (kind) {
            case ITEM, ITEM_UPDATE -> {
                if (kind == Endpoints.Body.ITEM) {
                    body.put("sku", FuzzValues.sku(random));
                } else {
                    body.put("expectedVersion", random.nextInt(0, 5));
                }
                body.put("name", "Fuzz " + FuzzValues.alphanumeric(random, 5));
                body.put("brand", "Fuzzco");
                body.put("category", "fuzz");
                body.put("price", new LinkedHashMap<>(Map.of("amount", "19.99", "currency", "EUR")));
                body.put("attributes", new LinkedHashMap<>(Map.of("colour", "grey")));
                body.put("lowStockThreshold", 2);
            }
            case LOCATION -> {
                body.put("code", FuzzValues.location(random));
                body.put("name", "Fuzz store");
                body.put("type", pick(random, List.of("WAREHOUSE", "STORE", "DARK_STORE", "MOON")));
                body.put("priority", random.nextInt(0, 10));
            }
            case RECEIVE -> body.put("quantity", random.nextInt(1, 20));
            case ADJUST -> {
                body.put("delta", random.nextInt(-5, 5));
                body.put("reason", pick(random, List.of("DAMAGED", "LOST", "FOUND", "CORRECTION", "NOPE")));
            }
            case COUNT -> {
                body.put("expectedOnHand", random.nextInt(0, 10));
                body.put("newOnHand", random.nextInt(0, 10));
            }
            case THRESHOLD -> body.put("threshold", random.nextInt(0, 10));
            case TRANSFER -> {
                body.put("sku", FuzzValues.sku(random));
                body.put("from", FuzzValues.location(random));
                body.put("to", FuzzValues.location(random));
                body.put("quantity", random.nextInt(1, 5));
            }
            case ORDER -> body.put("lines", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of(
                    "sku", FuzzValues.sku(random), "quantity", random.nextInt(1, 3))))));
            case ACCOUNT -> {
                body.put("username", "fz-" + FuzzValues.alphanumeric(random, 8));
                body.put("password", "fuzz-password-" + FuzzValues.alphanumeric(random, 8));
            }
            default -> {
            }
        }
        return body;
    }

    /** Mutates the content (fields, types, values), then maybe the syntax or the encoding. */
    static byte[] json(Map<String, Object> body, SplittableRandom random) {
        int mutations = chance(random, 25) ? 0 : random.nextInt(1, 4);
        for (int i = 0; i < mutations; i++) {
            mutate(body, random);
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (RuntimeException e) {
            bytes = FuzzValues.utf8(String.valueOf(body));
        }
        return chance(random, 30) ? corrupt(bytes, random) : bytes;
    }

    private static void mutate(Map<String, Object> body, SplittableRandom random) {
        List<String> keys = new ArrayList<>(body.keySet());
        int choice = random.nextInt(6);
        if (keys.isEmpty() || choice == 0) {
            body.put(pick(random, List.of("onHand", "roles", "status", "version", "admin", "__proto__", "")),
                    pick(random, FuzzValues.HOSTILE_NUMBERS));
            return;
        }
        String key = pick(random, keys);
        switch (choice) {
            case 1 -> body.remove(key);
            case 2 -> body.put(key, null);
            case 3 -> body.put(key, pick(random, FuzzValues.HOSTILE_NUMBERS));
            case 4 -> body.put(key, pick(random, FuzzValues.HOSTILE_STRINGS));
            default -> body.put(key, pick(random, List.of(List.of(), Map.of(), List.of(1, 2), true,
                    List.of(Map.of("sku", "W-1", "quantity", 1)), nested(random.nextInt(1, 2_000)))));
        }
    }

    private static Object nested(int depth) {
        Object value = 1;
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    /** Breaks the syntax or the encoding of a JSON document. */
    private static byte[] corrupt(byte[] json, SplittableRandom random) {
        String text = new String(json, StandardCharsets.UTF_8);
        return switch (random.nextInt(8)) {
            case 0 -> FuzzValues.utf8(text.substring(0, random.nextInt(text.length() + 1)));
            case 1 -> FuzzValues.utf8(text + pick(random, List.of("}", "]", ",", " garbage", "{}", "\u0000")));
            case 2 -> FuzzValues.utf8(text.replace('"', '\''));
            case 3 -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json);
            case 4 -> concat(json, new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            case 5 -> FuzzValues.utf8("/* comment */" + text);
            case 6 -> FuzzValues.utf8(text.replaceFirst("\\{", "{\"dup\":1,\"dup\":2,"));
            default -> FuzzValues.utf8("[".repeat(random.nextInt(1, 5_000)));
        };
    }

    private static byte[] csv(SplittableRandom random) {
        StringBuilder csv = new StringBuilder();
        if (chance(random, 80)) {
            csv.append("sku,name,brand,category,price,currency,lowStockThreshold,location,quantity\n");
        }
        int rows = random.nextInt(0, 6);
        for (int i = 0; i < rows; i++) {
            csv.append(chance(random, 50) ? FuzzValues.sku(random) : pick(random, FuzzValues.HOSTILE_STRINGS))
                    .append(",Fuzz,Fuzzco,fuzz,").append(pick(random, List.of("9.99", "1.999", "-1", "abc", "")))
                    .append(",EUR,2").append(chance(random, 30) ? "," + FuzzValues.location(random) + ",3" : "")
                    .append(pick(random, List.of("\n", "\r\n", ",,,,\n", "\"unclosed\n")));
        }
        byte[] bytes = FuzzValues.utf8(csv.toString());
        return chance(random, 15) ? concat(bytes, FuzzValues.junk(random, 64)) : bytes;
    }

    private static byte[] form(SplittableRandom random, String csrfToken) {
        StringBuilder form = new StringBuilder();
        int fields = random.nextInt(0, 6);
        for (int i = 0; i < fields; i++) {
            form.append(form.isEmpty() ? "" : "&").append(pick(random, FuzzValues.FORM_FIELDS)).append('=')
                    .append(pick(random, List.of("1", "-1", "1000000", "W-1", "WH1", "abc", "%zz", "%C3%28", "%00",
                            "x".repeat(2_000), "%F0%9F%98%80", "", "a+b", FuzzValues.sku(random))));
        }
        if (csrfToken != null && chance(random, 80)) {
            form.append(form.isEmpty() ? "" : "&").append("_csrf=")
                    .append(chance(random, 85) ? csrfToken : "forged-" + FuzzValues.alphanumeric(random, 10));
        }
        return FuzzValues.utf8(form.toString());
    }

    private static byte[] multipart(SplittableRandom random, String csrfToken) {
        String csv = new String(csv(random), StandardCharsets.ISO_8859_1);
        String part = chance(random, 70) ? "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n" : "--fuzz\r\n" + csv;
        String token = csrfToken == null ? "" : "--fuzz\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrfToken + "\r\n";
        String end = chance(random, 80) ? "--fuzz--\r\n" : "";
        return (token + part + end).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] oversized(Endpoints.Body kind, SplittableRandom random) {
        if (kind == Endpoints.Body.CSV && chance(random, 20)) {
            return FuzzValues.utf8("sku,name\n" + "W-1,x\n".repeat(4_500_000 / 6 + 1));
        }
        return FuzzValues.utf8("{\"note\":\"" + "n".repeat(OVERSIZED_JSON_BYTES) + "\"}");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
