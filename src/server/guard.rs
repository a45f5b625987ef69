//! A panic in one handler answers that request with an internal error instead of taking the
//! server down (tower-lsp-server polls handler futures inside its serve loop).

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::task::{Context, Poll};

use tower_lsp_server::jsonrpc::{Error, Id, Request, Response};
use tower_service::Service;

pub struct PanicGuard<S> {
    inner: S,
}

impl<S> PanicGuard<S> {
    pub fn new(inner: S) -> Self {
        PanicGuard { inner }
    }
}

type Reply<E> = Result<Option<Response>, E>;

fn internal_error<E>(id: Option<Id>, method: &str) -> Reply<E> {
    tracing::error!("handler for {method} panicked");
    Ok(id.map(|id| Response::from_error(id, Error::internal_error())))
}

impl<S> Service<Request> for PanicGuard<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Reply<S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let id = request.id().cloned();
        let method = request.method().to_owned();
        match catch_unwind(AssertUnwindSafe(|| self.inner.call(request))) {
            Ok(future) => Box::pin(CatchUnwind {
                future: Box::pin(future),
                id,
                method,
            }),
            Err(_) => Box::pin(std::future::ready(internal_error(id, &method))),
        }
    }
}

struct CatchUnwind<F> {
    future: Pin<Box<F>>,
    id: Option<Id>,
    method: String,
}

impl<F, E> Future for CatchUnwind<F>
where
    F: Future<Output = Reply<E>>,
{
    type Output = Reply<E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        match catch_unwind(AssertUnwindSafe(|| this.future.as_mut().poll(cx))) {
            Ok(poll) => poll,
            Err(_) => Poll::Ready(internal_error(this.id.take(), &this.method)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Boom;

    impl Service<Request> for Boom {
        type Response = Option<Response>;
        type Error = ();
        type Future = Pin<Box<dyn Future<Output = Reply<()>> + Send>>;
        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), ()>> {
            Poll::Ready(Ok(()))
        }
        fn call(&mut self, request: Request) -> Self::Future {
            Box::pin(async move {
                if request.method() == "boom" {
                    panic!("boom");
                }
                Ok(None)
            })
        }
    }

    #[tokio::test]
    async fn a_panicking_handler_becomes_an_internal_error() {
        let mut guard = PanicGuard::new(Boom);
        let reply = guard
            .call(Request::build("boom").id(3).finish())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(reply.error().map(|e| e.code.code()), Some(-32603));
        assert_eq!(reply.id(), &Id::Number(3));
        let fine = guard
            .call(Request::build("fine").id(4).finish())
            .await
            .unwrap();
        assert_eq!(fine, None);
    }
}
