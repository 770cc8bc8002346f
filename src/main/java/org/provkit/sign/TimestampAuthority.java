package org.provkit.sign;

import java.io.IOException;

/** An RFC 3161 time-stamping authority: takes a DER TimeStampReq, answers a DER TimeStampResp. */
public interface TimestampAuthority {

    byte[] respond(byte[] timeStampRequest) throws IOException;

    /** Where the authority is, for messages. */
    String location();
}
