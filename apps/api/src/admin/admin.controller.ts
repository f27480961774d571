import { Body, Controller, Get, HttpCode, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { actorOf, AdminOnly, CurrentPrincipal, type Principal } from '../auth/auth.decorators.js';
import { ZodResponseInterceptor } from '../common/zod-response.interceptor.js';
import { zodPipe } from '../common/zod.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ZodParams } from '../openapi/zod-openapi.js';
import {
  adminAssociationSchema,
  adminUserSchema,
  apiTokenSchema,
  auditEntrySchema,
  auditQuerySchema,
  createAssociationSchema,
  createdTokenSchema,
  createTokenSchema,
  createUserSchema,
  idParamSchema,
  importFailureSchema,
  namePublicSchema,
  withdrawalSchema,
} from './admin.dto.js';
import { AdminService } from './admin.service.js';

@ApiTags('admin')
@AdminOnly()
@UseInterceptors(ZodResponseInterceptor)
@Controller('v1/admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('associations')
  @ApiOperation({ summary: 'Associations with accounts, tokens, loaded years and last upload' })
  @ApiZodResponse(200, z.array(adminAssociationSchema))
  associations() {
    return this.admin.associations();
  }

  @Post('associations')
  @ApiOperation({ summary: 'Create a member association' })
  @ApiZodBody(createAssociationSchema)
  @ApiZodResponse(201, adminAssociationSchema)
  createAssociation(
    @Body(zodPipe(createAssociationSchema)) body: z.infer<typeof createAssociationSchema>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.admin.createAssociation(body, actorOf(p));
  }

  @Post('associations/:id/name-public')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record whether an association consents to being named with releases (published ones keep theirs)',
  })
  @ApiZodBody(namePublicSchema)
  @ApiZodResponse(200, adminAssociationSchema)
  setNamePublic(
    @ZodParams(idParamSchema) { id }: { id: string },
    @Body(zodPipe(namePublicSchema)) body: z.infer<typeof namePublicSchema>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.admin.setNamePublic(id, body.namePublic, actorOf(p));
  }

  @Post('associations/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw an association: delete its data, exclude it from future releases (published ones stay)',
  })
  @ApiZodResponse(200, withdrawalSchema)
  withdraw(@ZodParams(idParamSchema) { id }: { id: string }, @CurrentPrincipal() p: Principal) {
    return this.admin.withdraw(id, actorOf(p));
  }

  @Get('users')
  @ApiOperation({ summary: 'Accounts: members and admins, with their association' })
  @ApiZodResponse(200, z.array(adminUserSchema))
  users() {
    return this.admin.users();
  }

  @Post('users')
  @ApiOperation({ summary: 'Create an account (a member of an association, or an admin)' })
  @ApiZodBody(createUserSchema)
  @ApiZodResponse(201, adminUserSchema)
  createUser(
    @Body(zodPipe(createUserSchema)) body: z.infer<typeof createUserSchema>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.admin.createUser(body, actorOf(p));
  }

  @Post('users/:id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user; their sessions end at once' })
  @ApiZodResponse(200, adminUserSchema)
  disableUser(@ZodParams(idParamSchema) { id }: { id: string }, @CurrentPrincipal() p: Principal) {
    return this.admin.disableUser(id, actorOf(p));
  }

  @Get('tokens')
  @ApiOperation({ summary: 'Association API tokens (never the token itself)' })
  @ApiZodResponse(200, z.array(apiTokenSchema))
  tokens() {
    return this.admin.tokens();
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Create an association API token (the token is shown once)' })
  @ApiZodBody(createTokenSchema)
  @ApiZodResponse(201, createdTokenSchema)
  createToken(
    @Body(zodPipe(createTokenSchema)) body: z.infer<typeof createTokenSchema>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.admin.createToken(body, actorOf(p));
  }

  @Post('tokens/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API token; it stops working at once' })
  @ApiZodResponse(200, apiTokenSchema)
  revokeToken(@ZodParams(idParamSchema) { id }: { id: string }, @CurrentPrincipal() p: Principal) {
    return this.admin.revokeToken(id, actorOf(p));
  }

  @Get('audit')
  @ApiOperation({ summary: 'Audit log, newest first' })
  @ApiZodQuery(auditQuerySchema)
  @ApiZodResponse(200, z.array(auditEntrySchema))
  audit(@Query(zodPipe(auditQuerySchema)) q: z.infer<typeof auditQuerySchema>) {
    return this.admin.audit(q);
  }

  @Get('imports/failures')
  @ApiOperation({ summary: 'Failed and refused imports across associations' })
  @ApiZodResponse(200, z.array(importFailureSchema))
  importFailures() {
    return this.admin.importFailures();
  }
}
