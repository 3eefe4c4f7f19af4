import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { getProduct, searchProducts } from '../../domain/products.js';
import { paginate } from '../../domain/pagination.js';
import { wireProduct } from '../../wire/product.js';
import { Id, PageQuery, ProductEntity, json, listOf, pageOf, v1Errors } from './schemas.js';

export const products = createRouter();

const one = json(ProductEntity, 'The product');

products.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Products'],
    summary: 'Retrieve a product by `product_id`',
    request: { query: z.object({ product_id: Id('product') }) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => c.json(wireProduct(await getProduct(c.var.deps, c.var.scope, c.req.valid('query').product_id)), 200),
);

// Registered before `/{id}` so "search" is never read as an id.
products.openapi(
  createRoute({
    method: 'get',
    path: '/search',
    tags: ['Products'],
    summary: 'List products, newest first',
    request: { query: PageQuery.extend({ status: z.enum(['active', 'archived']).optional() }) },
    responses: { ...json(listOf(ProductEntity, 'ProductListEntity'), 'A page of products'), ...v1Errors },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const page = paginate(await searchProducts(c.var.deps, c.var.scope, { status: q.status }), pageOf(q));
    return c.json({ items: page.items.map(wireProduct), pagination: page.pagination }, 200);
  },
);

products.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Products'],
    summary: 'Retrieve a product',
    request: { params: z.object({ id: Id('product') }) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => c.json(wireProduct(await getProduct(c.var.deps, c.var.scope, c.req.valid('param').id)), 200),
);
