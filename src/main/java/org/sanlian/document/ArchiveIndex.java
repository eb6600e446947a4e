package org.sanlian.document;

/** The index of a case's archived volume (卷内目录 as JSON) and the volume's file name and SHA-256. */
public record ArchiveIndex(String indexJson, String fileName, String sha256) {
}
