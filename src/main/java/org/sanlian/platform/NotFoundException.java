package org.sanlian.platform;

/** A domain object that does not exist, or that the caller may not see: answered as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super("没有找到 " + kind + " " + id);
    }
}
