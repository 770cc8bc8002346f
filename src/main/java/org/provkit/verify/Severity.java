package org.provkit.verify;

/** How much a finding matters: errors make a bag invalid, warnings are reported only. */
public enum Severity {
    ERROR, WARNING
}
