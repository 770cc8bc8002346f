package org.provkit.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.provkit.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's headless Chromium, driven through the DevTools protocol (a WebSocket, with the JDK's own client):
 * open a page, evaluate JavaScript in it, as a user's clicks and typing would. Started with a fresh profile
 * and no background networking, sync or component updates.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final StringBuilder consoleErrors = new StringBuilder();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    static HeadlessChromium start(Path profile) throws Exception {
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,2000",
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String browser = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        for (String line; browser == null && System.nanoTime() < until && (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                browser = m.group(1);
            }
        }
        if (browser == null) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not open its DevTools port");
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // keep the pipe from filling
                }
            } catch (IOException e) {
                // chromium ended
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        URI base = URI.create(browser.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", ""));
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = Json.mapper().readTree(http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        if (page == null) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium has no page to drive");
        }
        HeadlessChromium[] self = new HeadlessChromium[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    self[0].receive(message.toString());
                    message.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new HeadlessChromium(process, socket);
        self[0].call("Runtime.enable", Json.mapper().createObjectNode());
        self[0].call("Page.enable", Json.mapper().createObjectNode());
        self[0].call("Log.enable", Json.mapper().createObjectNode());
        return self[0];
    }

    private void receive(String text) {
        try {
            JsonNode message = Json.mapper().readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> future = pending.remove(message.get("id").asInt());
                if (future != null) {
                    future.complete(message);
                }
            } else if ("Runtime.consoleAPICalled".equals(message.path("method").asText())
                    && List.of("error", "warning").contains(message.at("/params/type").asText())) {
                synchronized (consoleErrors) {
                    consoleErrors.append(message.at("/params/args/0/value").asText()).append('\n');
                }
            } else if ("Log.entryAdded".equals(message.path("method").asText())
                    && "error".equals(message.at("/params/entry/level").asText())) {
                synchronized (consoleErrors) {
                    consoleErrors.append(message.at("/params/entry/text").asText()).append('\n');
                }
            } else if ("Runtime.exceptionThrown".equals(message.path("method").asText())) {
                synchronized (consoleErrors) {
                    consoleErrors.append(message.at("/params/exceptionDetails/text").asText()).append(' ')
                            .append(message.at("/params/exceptionDetails/exception/description").asText()).append('\n');
                }
            }
        } catch (IOException e) {
            // not JSON: ignore
        }
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(id, future);
        ObjectNode message = Json.mapper().createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(Json.mapper().writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        JsonNode reply = future.get(120, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    void open(Path file) throws Exception {
        call("Page.navigate", Json.mapper().createObjectNode().put("url", file.toUri().toString()));
    }

    /** The value of a JavaScript expression (a promise is awaited). */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Json.mapper().createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
        }
        return result.at("/result/value");
    }

    /**
     * Evaluates {@code expression} until it is truthy, at most {@code seconds}; while a page is being replaced
     * an evaluation may fail (no document yet, its context gone), and is tried again.
     */
    JsonNode await(String expression, int seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        IllegalStateException last = null;
        while (System.nanoTime() < until) {
            try {
                JsonNode value = eval(expression);
                if (value != null && !value.isMissingNode() && !value.isNull() && !(value.isBoolean() && !value.asBoolean())) {
                    return value;
                }
            } catch (IllegalStateException notYet) {
                last = notYet;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not true within " + seconds + " s: " + expression, last);
    }

    String consoleErrors() {
        synchronized (consoleErrors) {
            return consoleErrors.toString();
        }
    }

    @Override
    public void close() throws Exception {
        // Chromium's helper processes (zygote, renderer, GPU) outlive it for a moment and keep writing to the
        // profile, which the test then cannot delete: every one is stopped and awaited.
        List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        try {
            socket.abort();
        } finally {
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : all) {
                try {
                    handle.onExit().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    handle.destroyForcibly();
                    handle.onExit().get(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
