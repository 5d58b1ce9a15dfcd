package io.github.jrtc.signaling;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** What plain HTTP requests get when the call page is turned off. */
final class NotFoundHandler extends Handler.Abstract.NonBlocking {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
    return true;
  }
}
