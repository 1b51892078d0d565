"""Authorising requests from a membership access token alone, without calling membership.

Membership signs short-lived JWTs with an asymmetric key and publishes the public keys as a
JWKS (`GET /.well-known/jwks.json`). Every service provides one `TokenVerifier` at start-up
(`infra.provide(verifier)`: from that JWKS, a JWKS URL, or a PEM public key; see
`cloth_shared.auth.settings.TokenVerifierSettings`) and its routes take the caller from the
typed dependencies in `cloth_shared.auth.fastapi`:

    from cloth_shared.auth.fastapi import Caller, MaybeCaller

A missing, expired or forged token is a 401 problem; the rules of who may do what stay in
each service's domain, written against `cloth_shared.auth.principal.Principal`.

This package module imports nothing on purpose: a domain module importing
`cloth_shared.auth.principal` must not load the JWT library.
"""
