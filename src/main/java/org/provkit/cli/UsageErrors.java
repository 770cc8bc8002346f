package org.provkit.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command-line mistake as one line: what was wrong, a suggestion when picocli has one (a misspelt
 * command or option), and where the help is.
 */
public final class UsageErrors {

    private UsageErrors() {
    }

    public static void print(ParameterException ex, PrintWriter err) {
        err.println(line(ex));
    }

    static String line(ParameterException ex) {
        CommandLine failed = ex.getCommandLine();
        String command = failed.getCommandSpec().qualifiedName();
        String help = "see '" + command + " --help'";
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String argument = unmatched.getUnmatched().get(0);
            boolean option = argument.startsWith("-");
            boolean commandExpected = !failed.getSubcommands().isEmpty() && !option;
            String what = option ? "unknown option" : commandExpected ? "unknown command" : "unexpected argument";
            List<String> suggestions = unmatched.getSuggestions();
            String suggestion = suggestions.isEmpty() ? ""
                    : "did you mean '" + String.join("' or '", suggestions.subList(0, Math.min(3, suggestions.size()))) + "'? ";
            return command + ": " + what + " '" + argument + "' (" + suggestion + help + ")";
        }
        String message = ex.getMessage() == null ? "invalid command line" : ex.getMessage();
        return command + ": " + lowerFirst(message.strip()) + " (" + help + ")";
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }
}
