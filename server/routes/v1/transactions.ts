import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { getTransaction, searchTransactions } from '../../domain/transactions.js';
import { paginate } from '../../domain/pagination.js';
import { wireTransaction } from '../../wire/transaction.js';
import { Id, PageQuery, TransactionEntity, json, listOf, pageOf, v1Errors } from './schemas.js';

export const transactions = createRouter();

transactions.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Transactions'],
    summary: 'Retrieve a transaction',
    request: { query: z.object({ transaction_id: Id('transaction') }) },
    responses: { ...json(TransactionEntity, 'The transaction'), ...v1Errors },
  }),
  async (c) => c.json(wireTransaction(await getTransaction(c.var.deps, c.var.scope, c.req.valid('query').transaction_id)), 200),
);

transactions.openapi(
  createRoute({
    method: 'get',
    path: '/search',
    tags: ['Transactions'],
    summary: 'Search transactions by customer, order or product, newest first',
    request: { query: PageQuery.extend({ customer_id: Id('customer').optional(), order_id: Id('order').optional(), product_id: Id('product').optional() }) },
    responses: { ...json(listOf(TransactionEntity, 'TransactionListEntity'), 'A page of transactions'), ...v1Errors },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const found = await searchTransactions(c.var.deps, c.var.scope, { customerId: q.customer_id, orderId: q.order_id, productId: q.product_id });
    const page = paginate(found, pageOf(q));
    return c.json({ items: page.items.map(wireTransaction), pagination: page.pagination }, 200);
  },
);
