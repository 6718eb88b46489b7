Compiled method (c2) 333  649   !   4       org.contextlib4j.benchmarks.CleanupBenchmark::exitStack (30 bytes)

/tmp/tmpvln2_w53.bin:     file format binary


Disassembly of section .data:

00007f89efefb100 <.data>:
    7f89efefb100:	66 90                	xchg   %ax,%ax
    7f89efefb102:	44 8b 56 08          	mov    0x8(%rsi),%r10d
    7f89efefb106:	44 3b 50 08          	cmp    0x8(%rax),%r10d
    7f89efefb10a:	0f 85 d0 b4 a8 ff    	jne    0x7f89ef9865e0
    7f89efefb110:	89 84 24 00 c0 fe ff 	mov    %eax,-0x14000(%rsp)
    7f89efefb117:	55                   	push   %rbp
    7f89efefb118:	48 83 ec 60          	sub    $0x60,%rsp
    7f89efefb11c:	41 81 7f 20 00 00 00 	cmpl   $0x0,0x20(%r15)
    7f89efefb123:	00 
    7f89efefb124:	0f 85 12 07 00 00    	jne    0x7f89efefb83c
    7f89efefb12a:	4c 8b f6             	mov    %rsi,%r14
    7f89efefb12d:	44 8b 5e 0c          	mov    0xc(%rsi),%r11d
    7f89efefb131:	44 8b 46 14          	mov    0x14(%rsi),%r8d
    7f89efefb135:	8b 7e 18             	mov    0x18(%rsi),%edi
    7f89efefb138:	49 8b 87 c8 01 00 00 	mov    0x1c8(%r15),%rax
    7f89efefb13f:	4c 8b d0             	mov    %rax,%r10
    7f89efefb142:	49 83 c2 20          	add    $0x20,%r10
    7f89efefb146:	4d 3b 97 d8 01 00 00 	cmp    0x1d8(%r15),%r10
    7f89efefb14d:	0f 83 15 03 00 00    	jae    0x7f89efefb468
    7f89efefb153:	4d 89 97 c8 01 00 00 	mov    %r10,0x1c8(%r15)
    7f89efefb15a:	41 0f 18 82 00 01 00 	prefetchnta 0x100(%r10)
    7f89efefb161:	00 
    7f89efefb162:	48 c7 00 01 00 00 00 	movq   $0x1,(%rax)
    7f89efefb169:	41 0f 18 82 40 01 00 	prefetchnta 0x140(%r10)
        ;   {metadata('java/lang/Object'[])}
    7f89efefb170:	00 
    7f89efefb171:	c7 40 08 08 24 17 00 	movl   $0x172408,0x8(%rax)
    7f89efefb178:	41 0f 18 82 80 01 00 	prefetchnta 0x180(%r10)
    7f89efefb17f:	00 
    7f89efefb180:	c7 40 0c 04 00 00 00 	movl   $0x4,0xc(%rax)
    7f89efefb187:	4c 8b d0             	mov    %rax,%r10
    7f89efefb18a:	49 83 c2 10          	add    $0x10,%r10
    7f89efefb18e:	c5 fd ef c0          	vpxor  %ymm0,%ymm0,%ymm0
    7f89efefb192:	62 d1 fe 08 7f 02    	vmovdqu64 %xmm0,(%r10)
        ;   {oop(a 'java/lang/Class'{0x000000069dd3db10} = 'org/contextlib4j/internal/Leaks')}
    7f89efefb198:	49 ba 10 db d3 9d 06 	movabs $0x69dd3db10,%r10
    7f89efefb19f:	00 00 00 
    7f89efefb1a2:	41 0f b6 aa 8c 00 00 	movzbl 0x8c(%r10),%ebp
    7f89efefb1a9:	00 
    7f89efefb1aa:	85 ed                	test   %ebp,%ebp
    7f89efefb1ac:	0f 85 fe 03 00 00    	jne    0x7f89efefb5b0
    7f89efefb1b2:	49 b9 f8 ed d2 9d 06 	movabs $0x69dd2edf8,%r9
    7f89efefb1b9:	00 00 00 
    7f89efefb1bc:	45 85 db             	test   %r11d,%r11d
    7f89efefb1bf:	7f 0e                	jg     0x7f89efefb1cf
    7f89efefb1c1:	45 33 db             	xor    %r11d,%r11d
        ;   {oop(a 'java/lang/Object'[0] {0x000000069dd2edf8})}
    7f89efefb1c4:	41 bd bf 5d ba d3    	mov    $0xd3ba5dbf,%r13d
    7f89efefb1ca:	e9 00 02 00 00       	jmp    0x7f89efefb3cf
    7f89efefb1cf:	45 8b 54 fc 0c       	mov    0xc(%r12,%rdi,8),%r10d
    7f89efefb1d4:	45 85 d2             	test   %r10d,%r10d
    7f89efefb1d7:	0f 86 7b 03 00 00    	jbe    0x7f89efefb558
    7f89efefb1dd:	4d 63 d2             	movslq %r10d,%r10
    7f89efefb1e0:	49 63 cb             	movslq %r11d,%rcx
    7f89efefb1e3:	48 ff c9             	dec    %rcx
    7f89efefb1e6:	49 3b ca             	cmp    %r10,%rcx
    7f89efefb1e9:	0f 83 69 03 00 00    	jae    0x7f89efefb558
    7f89efefb1ef:	49 8d 14 fc          	lea    (%r12,%rdi,8),%rdx
    7f89efefb1f3:	41 ba 02 00 00 00    	mov    $0x2,%r10d
    7f89efefb1f9:	33 c9                	xor    %ecx,%ecx
    7f89efefb1fb:	33 db                	xor    %ebx,%ebx
    7f89efefb1fd:	41 bd bf 5d ba d3    	mov    $0xd3ba5dbf,%r13d
    7f89efefb203:	c4 c1 f9 6e c6       	vmovq  %r14,%xmm0
    7f89efefb208:	c4 c1 79 6e c8       	vmovd  %r8d,%xmm1
    7f89efefb20d:	c5 f9 6e df          	vmovd  %edi,%xmm3
    7f89efefb211:	e9 83 00 00 00       	jmp    0x7f89efefb299
    7f89efefb216:	66 66 0f 1f 84 00 00 	data16 nopw 0x0(%rax,%rax,1)
    7f89efefb21d:	00 00 00 
    7f89efefb220:	44 8d 59 01          	lea    0x1(%rcx),%r11d
    7f89efefb224:	83 f9 01             	cmp    $0x1,%ecx
    7f89efefb227:	45 0f 44 da          	cmove  %r10d,%r11d
    7f89efefb22b:	4f 8d 0c ec          	lea    (%r12,%r13,8),%r9
    7f89efefb22f:	48 8d 7c 88 0c       	lea    0xc(%rax,%rcx,4),%rdi
    7f89efefb234:	41 80 7f 48 00       	cmpb   $0x0,0x48(%r15)
    7f89efefb239:	0f 85 75 04 00 00    	jne    0x7f89efefb6b4
    7f89efefb23f:	44 89 07             	mov    %r8d,(%rdi)
    7f89efefb242:	45 8b f0             	mov    %r8d,%r14d
    7f89efefb245:	49 c1 e6 03          	shl    $0x3,%r14
    7f89efefb249:	48 8b ef             	mov    %rdi,%rbp
    7f89efefb24c:	49 33 ee             	xor    %r14,%rbp
    7f89efefb24f:	48 c1 ed 16          	shr    $0x16,%rbp
    7f89efefb253:	0f 84 1e 00 00 00    	je     0x7f89efefb277
    7f89efefb259:	48 8b ef             	mov    %rdi,%rbp
    7f89efefb25c:	48 c1 ed 09          	shr    $0x9,%rbp
    7f89efefb260:	49 be 00 20 d6 02 8a 	movabs $0x7f8a02d62000,%r14
    7f89efefb267:	7f 00 00 
    7f89efefb26a:	49 03 ee             	add    %r14,%rbp
    7f89efefb26d:	80 7d 00 02          	cmpb   $0x2,0x0(%rbp)
    7f89efefb271:	0f 85 ff 04 00 00    	jne    0x7f89efefb776
    7f89efefb277:	ff c3                	inc    %ebx
    7f89efefb279:	3b de                	cmp    %esi,%ebx
    7f89efefb27b:	7d 05                	jge    0x7f89efefb282
    7f89efefb27d:	41 8b cb             	mov    %r11d,%ecx
    7f89efefb280:	eb 3c                	jmp    0x7f89efefb2be
    7f89efefb282:	4d 8b 47 30          	mov    0x30(%r15),%r8
    7f89efefb286:	41 85 00             	test   %eax,(%r8)
    7f89efefb289:	3b 1c 24             	cmp    (%rsp),%ebx
    7f89efefb28c:	0f 8d 33 01 00 00    	jge    0x7f89efefb3c5
    7f89efefb292:	41 8b cb             	mov    %r11d,%ecx
    7f89efefb295:	44 8b 1c 24          	mov    (%rsp),%r11d
    7f89efefb299:	44 89 1c 24          	mov    %r11d,(%rsp)
    7f89efefb29d:	41 8b f3             	mov    %r11d,%esi
    7f89efefb2a0:	2b f3                	sub    %ebx,%esi
    7f89efefb2a2:	45 33 c0             	xor    %r8d,%r8d
    7f89efefb2a5:	44 3b db             	cmp    %ebx,%r11d
    7f89efefb2a8:	41 0f 4c f0          	cmovl  %r8d,%esi
    7f89efefb2ac:	81 fe e8 03 00 00    	cmp    $0x3e8,%esi
    7f89efefb2b2:	41 b8 e8 03 00 00    	mov    $0x3e8,%r8d
    7f89efefb2b8:	41 0f 47 f0          	cmova  %r8d,%esi
    7f89efefb2bc:	03 f3                	add    %ebx,%esi
    7f89efefb2be:	44 8b 44 9a 10       	mov    0x10(%rdx,%rbx,4),%r8d
    7f89efefb2c3:	45 85 c0             	test   %r8d,%r8d
    7f89efefb2c6:	0f 84 08 02 00 00    	je     0x7f89efefb4d4
    7f89efefb2cc:	85 c9                	test   %ecx,%ecx
    7f89efefb2ce:	75 0f                	jne    0x7f89efefb2df
    7f89efefb2d0:	4f 8d 0c c4          	lea    (%r12,%r8,8),%r9
    7f89efefb2d4:	45 8b e8             	mov    %r8d,%r13d
    7f89efefb2d7:	41 bb 01 00 00 00    	mov    $0x1,%r11d
    7f89efefb2dd:	eb 98                	jmp    0x7f89efefb277
    7f89efefb2df:	44 8d 59 ff          	lea    -0x1(%rcx),%r11d
    7f89efefb2e3:	83 f9 05             	cmp    $0x5,%ecx
    7f89efefb2e6:	0f 84 28 02 00 00    	je     0x7f89efefb514
    7f89efefb2ec:	41 83 fb 04          	cmp    $0x4,%r11d
    7f89efefb2f0:	0f 82 2a ff ff ff    	jb     0x7f89efefb220
    7f89efefb2f6:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7f89efefb2fb:	8b 2c 24             	mov    (%rsp),%ebp
    7f89efefb2fe:	89 1c 24             	mov    %ebx,(%rsp)
    7f89efefb301:	44 89 5c 24 18       	mov    %r11d,0x18(%rsp)
    7f89efefb306:	44 89 44 24 1c       	mov    %r8d,0x1c(%rsp)
    7f89efefb30b:	4c 89 4c 24 20       	mov    %r9,0x20(%rsp)
    7f89efefb310:	48 89 44 24 28       	mov    %rax,0x28(%rsp)
    7f89efefb315:	89 4c 24 30          	mov    %ecx,0x30(%rsp)
    7f89efefb319:	c5 fb 11 44 24 38    	vmovsd %xmm0,0x38(%rsp)
    7f89efefb31f:	c5 fa 11 5c 24 34    	vmovss %xmm3,0x34(%rsp)
    7f89efefb325:	c5 fa 11 4c 24 40    	vmovss %xmm1,0x40(%rsp)
    7f89efefb32b:	e8 30 c0 b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb330:	0f 1f 84 00 28 03 00 	nopl   0x1000328(%rax,%rax,1)
    7f89efefb337:	01 
    7f89efefb338:	0f 1f 84 00 00 00 00 	nopl   0x0(%rax,%rax,1)
    7f89efefb33f:	00 
    7f89efefb340:	4c 8b c9             	mov    %rcx,%r9
    7f89efefb343:	49 c1 e1 03          	shl    $0x3,%r9
    7f89efefb347:	41 8b 59 08          	mov    0x8(%r9),%ebx
    7f89efefb34b:	81 fb 08 98 05 01    	cmp    $0x1059808,%ebx
    7f89efefb351:	0f 85 c1 02 00 00    	jne    0x7f89efefb618
    7f89efefb357:	41 8b 59 0c          	mov    0xc(%r9),%ebx
    7f89efefb35b:	41 83 fb 01          	cmp    $0x1,%r11d
    7f89efefb35f:	b9 bf 5d ba d3       	mov    $0xd3ba5dbf,%ecx
    7f89efefb364:	44 0f 44 c1          	cmove  %ecx,%r8d
    7f89efefb368:	41 83 fb 01          	cmp    $0x1,%r11d
        ;   {oop(a 'java/lang/Object'[0] {0x000000069dd2edf8})}
    7f89efefb36c:	bf bf 5d ba d3       	mov    $0xd3ba5dbf,%edi
    7f89efefb371:	44 0f 44 ef          	cmove  %edi,%r13d
    7f89efefb375:	b9 01 00 00 00       	mov    $0x1,%ecx
    7f89efefb37a:	49 03 4c dc 10       	add    0x10(%r12,%rbx,8),%rcx
    7f89efefb37f:	49 89 49 10          	mov    %rcx,0x10(%r9)
    7f89efefb383:	49 89 4c dc 10       	mov    %rcx,0x10(%r12,%rbx,8)
    7f89efefb388:	41 8d 4b ff          	lea    -0x1(%r11),%ecx
    7f89efefb38c:	41 3b ca             	cmp    %r10d,%ecx
    7f89efefb38f:	7e 05                	jle    0x7f89efefb396
    7f89efefb391:	44 8b d9             	mov    %ecx,%r11d
    7f89efefb394:	eb 7a                	jmp    0x7f89efefb410
    7f89efefb396:	4d 8b 57 30          	mov    0x30(%r15),%r10
    7f89efefb39a:	41 ff cb             	dec    %r11d
    7f89efefb39d:	41 85 02             	test   %eax,(%r10)
    7f89efefb3a0:	85 c9                	test   %ecx,%ecx
    7f89efefb3a2:	7f 1c                	jg     0x7f89efefb3c0
    7f89efefb3a4:	41 8b 6e 14          	mov    0x14(%r14),%ebp
    7f89efefb3a8:	85 ed                	test   %ebp,%ebp
    7f89efefb3aa:	0f 85 54 02 00 00    	jne    0x7f89efefb604
    7f89efefb3b0:	48 83 c4 60          	add    $0x60,%rsp
        ;   {poll_return}
    7f89efefb3b4:	5d                   	pop    %rbp
    7f89efefb3b5:	49 3b 67 28          	cmp    0x28(%r15),%rsp
    7f89efefb3b9:	0f 87 67 04 00 00    	ja     0x7f89efefb826
    7f89efefb3bf:	c3                   	ret
    7f89efefb3c0:	44 8b d9             	mov    %ecx,%r11d
    7f89efefb3c3:	eb 29                	jmp    0x7f89efefb3ee
    7f89efefb3c5:	c4 c1 f9 7e c6       	vmovq  %xmm0,%r14
    7f89efefb3ca:	c4 c1 79 7e c8       	vmovd  %xmm1,%r8d
    7f89efefb3cf:	45 85 c0             	test   %r8d,%r8d
    7f89efefb3d2:	0f 85 04 02 00 00    	jne    0x7f89efefb5dc
    7f89efefb3d8:	45 85 db             	test   %r11d,%r11d
    7f89efefb3db:	74 c7                	je     0x7f89efefb3a4
    7f89efefb3dd:	41 83 fb 01          	cmp    $0x1,%r11d
    7f89efefb3e1:	0f 8e 9d 01 00 00    	jle    0x7f89efefb584
    7f89efefb3e7:	4c 8b c0             	mov    %rax,%r8
    7f89efefb3ea:	49 c1 e8 03          	shr    $0x3,%r8
    7f89efefb3ee:	45 8b cb             	mov    %r11d,%r9d
    7f89efefb3f1:	33 c9                	xor    %ecx,%ecx
    7f89efefb3f3:	45 85 db             	test   %r11d,%r11d
    7f89efefb3f6:	44 0f 4c c9          	cmovl  %ecx,%r9d
    7f89efefb3fa:	41 81 f9 e8 03 00 00 	cmp    $0x3e8,%r9d
    7f89efefb401:	b9 e8 03 00 00       	mov    $0x3e8,%ecx
    7f89efefb406:	44 0f 47 c9          	cmova  %ecx,%r9d
    7f89efefb40a:	45 8b d3             	mov    %r11d,%r10d
    7f89efefb40d:	45 2b d1             	sub    %r9d,%r10d
    7f89efefb410:	41 83 fb 01          	cmp    $0x1,%r11d
    7f89efefb414:	75 09                	jne    0x7f89efefb41f
    7f89efefb416:	4f 8d 0c ec          	lea    (%r12,%r13,8),%r9
    7f89efefb41a:	e9 28 ff ff ff       	jmp    0x7f89efefb347
    7f89efefb41f:	47 8b 4c c4 0c       	mov    0xc(%r12,%r8,8),%r9d
    7f89efefb424:	41 8d 5b fe          	lea    -0x2(%r11),%ebx
    7f89efefb428:	41 3b d9             	cmp    %r9d,%ebx
    7f89efefb42b:	73 7c                	jae    0x7f89efefb4a9
    7f89efefb42d:	4f 8d 0c c4          	lea    (%r12,%r8,8),%r9
    7f89efefb431:	41 8b 4c 99 10       	mov    0x10(%r9,%rbx,4),%ecx
    7f89efefb436:	85 c9                	test   %ecx,%ecx
    7f89efefb438:	0f 85 02 ff ff ff    	jne    0x7f89efefb340
    7f89efefb43e:	be f4 ff ff ff       	mov    $0xfffffff4,%esi
    7f89efefb443:	8b e9                	mov    %ecx,%ebp
    7f89efefb445:	44 89 2c 24          	mov    %r13d,(%rsp)
    7f89efefb449:	44 89 44 24 04       	mov    %r8d,0x4(%rsp)
    7f89efefb44e:	44 89 5c 24 08       	mov    %r11d,0x8(%rsp)
    7f89efefb453:	4c 89 74 24 10       	mov    %r14,0x10(%rsp)
        ;   {runtime_call UncommonTrapBlob}
    7f89efefb458:	66 66 90             	data16 xchg %ax,%ax
    7f89efefb45b:	e8 00 bf b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb460:	0f 1f 84 00 58 04 00 	nopl   0x3000458(%rax,%rax,1)
    7f89efefb467:	03 
    7f89efefb468:	89 7c 24 0c          	mov    %edi,0xc(%rsp)
    7f89efefb46c:	44 89 44 24 08       	mov    %r8d,0x8(%rsp)
    7f89efefb471:	41 8b eb             	mov    %r11d,%ebp
    7f89efefb474:	48 89 34 24          	mov    %rsi,(%rsp)
        ;   {metadata('java/lang/Object'[])}
    7f89efefb478:	48 be 08 24 17 12 00 	movabs $0x12172408,%rsi
    7f89efefb47f:	00 00 00 
    7f89efefb482:	ba 04 00 00 00       	mov    $0x4,%edx
    7f89efefb487:	e8 54 27 b7 ff       	call   0x7f89efa6dbe0
        ;   {post_call_nop}
    7f89efefb48c:	0f 1f 84 00 84 04 00 	nopl   0x4000484(%rax,%rax,1)
    7f89efefb493:	04 
    7f89efefb494:	4c 8b 34 24          	mov    (%rsp),%r14
    7f89efefb498:	44 8b dd             	mov    %ebp,%r11d
    7f89efefb49b:	44 8b 44 24 08       	mov    0x8(%rsp),%r8d
    7f89efefb4a0:	8b 7c 24 0c          	mov    0xc(%rsp),%edi
    7f89efefb4a4:	e9 ef fc ff ff       	jmp    0x7f89efefb198
    7f89efefb4a9:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7f89efefb4ae:	89 1c 24             	mov    %ebx,(%rsp)
    7f89efefb4b1:	44 89 6c 24 04       	mov    %r13d,0x4(%rsp)
    7f89efefb4b6:	44 89 44 24 08       	mov    %r8d,0x8(%rsp)
    7f89efefb4bb:	44 89 5c 24 0c       	mov    %r11d,0xc(%rsp)
    7f89efefb4c0:	4c 89 74 24 10       	mov    %r14,0x10(%rsp)
    7f89efefb4c5:	66 90                	xchg   %ax,%ax
    7f89efefb4c7:	e8 94 be b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb4cc:	0f 1f 84 00 c4 04 00 	nopl   0x50004c4(%rax,%rax,1)
    7f89efefb4d3:	05 
    7f89efefb4d4:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f89efefb4d9:	8b 2c 24             	mov    (%rsp),%ebp
    7f89efefb4dc:	89 1c 24             	mov    %ebx,(%rsp)
    7f89efefb4df:	44 89 44 24 08       	mov    %r8d,0x8(%rsp)
    7f89efefb4e4:	4c 89 4c 24 10       	mov    %r9,0x10(%rsp)
    7f89efefb4e9:	48 89 44 24 18       	mov    %rax,0x18(%rsp)
    7f89efefb4ee:	89 4c 24 0c          	mov    %ecx,0xc(%rsp)
    7f89efefb4f2:	c5 fb 11 44 24 20    	vmovsd %xmm0,0x20(%rsp)
    7f89efefb4f8:	c5 fa 11 5c 24 28    	vmovss %xmm3,0x28(%rsp)
    7f89efefb4fe:	c5 fa 11 4c 24 2c    	vmovss %xmm1,0x2c(%rsp)
        ;   {runtime_call UncommonTrapBlob}
    7f89efefb504:	66 66 90             	data16 xchg %ax,%ax
    7f89efefb507:	e8 54 be b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb50c:	0f 1f 84 00 04 05 00 	nopl   0x6000504(%rax,%rax,1)
    7f89efefb513:	06 
    7f89efefb514:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f89efefb519:	8b 2c 24             	mov    (%rsp),%ebp
    7f89efefb51c:	89 1c 24             	mov    %ebx,(%rsp)
    7f89efefb51f:	44 89 44 24 08       	mov    %r8d,0x8(%rsp)
    7f89efefb524:	44 89 5c 24 14       	mov    %r11d,0x14(%rsp)
    7f89efefb529:	4c 89 4c 24 18       	mov    %r9,0x18(%rsp)
    7f89efefb52e:	48 89 44 24 20       	mov    %rax,0x20(%rsp)
    7f89efefb533:	89 4c 24 28          	mov    %ecx,0x28(%rsp)
    7f89efefb537:	c5 fb 11 44 24 30    	vmovsd %xmm0,0x30(%rsp)
    7f89efefb53d:	c5 fa 11 5c 24 2c    	vmovss %xmm3,0x2c(%rsp)
    7f89efefb543:	c5 fa 11 4c 24 38    	vmovss %xmm1,0x38(%rsp)
    7f89efefb549:	66 90                	xchg   %ax,%ax
    7f89efefb54b:	e8 10 be b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb550:	0f 1f 84 00 48 05 00 	nopl   0x7000548(%rax,%rax,1)
    7f89efefb557:	07 
    7f89efefb558:	be 6e ff ff ff       	mov    $0xffffff6e,%esi
    7f89efefb55d:	44 89 1c 24          	mov    %r11d,(%rsp)
    7f89efefb561:	48 89 44 24 08       	mov    %rax,0x8(%rsp)
    7f89efefb566:	4c 89 74 24 10       	mov    %r14,0x10(%rsp)
    7f89efefb56b:	89 7c 24 04          	mov    %edi,0x4(%rsp)
    7f89efefb56f:	44 89 44 24 18       	mov    %r8d,0x18(%rsp)
        ;   {runtime_call UncommonTrapBlob}
    7f89efefb574:	66 66 90             	data16 xchg %ax,%ax
    7f89efefb577:	e8 e4 bd b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb57c:	0f 1f 84 00 74 05 00 	nopl   0x8000574(%rax,%rax,1)
    7f89efefb583:	08 
    7f89efefb584:	be 66 ff ff ff       	mov    $0xffffff66,%esi
    7f89efefb589:	44 89 1c 24          	mov    %r11d,(%rsp)
    7f89efefb58d:	4c 89 4c 24 08       	mov    %r9,0x8(%rsp)
    7f89efefb592:	48 89 44 24 10       	mov    %rax,0x10(%rsp)
    7f89efefb597:	44 89 5c 24 04       	mov    %r11d,0x4(%rsp)
    7f89efefb59c:	4c 89 74 24 18       	mov    %r14,0x18(%rsp)
    7f89efefb5a1:	66 90                	xchg   %ax,%ax
    7f89efefb5a3:	e8 b8 bd b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb5a8:	0f 1f 84 00 a0 05 00 	nopl   0x90005a0(%rax,%rax,1)
    7f89efefb5af:	09 
    7f89efefb5b0:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f89efefb5b5:	44 89 1c 24          	mov    %r11d,(%rsp)
    7f89efefb5b9:	48 89 44 24 08       	mov    %rax,0x8(%rsp)
    7f89efefb5be:	4c 89 74 24 10       	mov    %r14,0x10(%rsp)
    7f89efefb5c3:	89 7c 24 04          	mov    %edi,0x4(%rsp)
    7f89efefb5c7:	44 89 44 24 18       	mov    %r8d,0x18(%rsp)
        ;   {runtime_call UncommonTrapBlob}
    7f89efefb5cc:	66 66 90             	data16 xchg %ax,%ax
    7f89efefb5cf:	e8 8c bd b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb5d4:	0f 1f 84 00 cc 05 00 	nopl   0xa0005cc(%rax,%rax,1)
    7f89efefb5db:	0a 
    7f89efefb5dc:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f89efefb5e1:	49 8b e9             	mov    %r9,%rbp
    7f89efefb5e4:	48 89 04 24          	mov    %rax,(%rsp)
    7f89efefb5e8:	44 89 5c 24 08       	mov    %r11d,0x8(%rsp)
    7f89efefb5ed:	4c 89 74 24 10       	mov    %r14,0x10(%rsp)
    7f89efefb5f2:	44 89 44 24 18       	mov    %r8d,0x18(%rsp)
    7f89efefb5f7:	e8 64 bd b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb5fc:	0f 1f 84 00 f4 05 00 	nopl   0xb0005f4(%rax,%rax,1)
    7f89efefb603:	0b 
    7f89efefb604:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f89efefb609:	66 90                	xchg   %ax,%ax
    7f89efefb60b:	e8 50 bd b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb610:	0f 1f 84 00 08 06 00 	nopl   0xc000608(%rax,%rax,1)
    7f89efefb617:	0c 
    7f89efefb618:	be de ff ff ff       	mov    $0xffffffde,%esi
    7f89efefb61d:	4c 89 0c 24          	mov    %r9,(%rsp)
    7f89efefb621:	4c 89 4c 24 08       	mov    %r9,0x8(%rsp)
    7f89efefb626:	44 89 6c 24 10       	mov    %r13d,0x10(%rsp)
    7f89efefb62b:	44 89 44 24 14       	mov    %r8d,0x14(%rsp)
    7f89efefb630:	44 89 5c 24 18       	mov    %r11d,0x18(%rsp)
    7f89efefb635:	4c 89 74 24 20       	mov    %r14,0x20(%rsp)
    7f89efefb63a:	90                   	nop
    7f89efefb63b:	e8 20 bd b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb640:	0f 1f 84 00 38 06 00 	nopl   0xd000638(%rax,%rax,1)
    7f89efefb647:	0d 
    7f89efefb648:	41 ff cb             	dec    %r11d
    7f89efefb64b:	be f6 ff ff ff       	mov    $0xfffffff6,%esi
    7f89efefb650:	41 8b ed             	mov    %r13d,%ebp
    7f89efefb653:	44 89 04 24          	mov    %r8d,(%rsp)
    7f89efefb657:	44 89 5c 24 04       	mov    %r11d,0x4(%rsp)
    7f89efefb65c:	4c 89 74 24 08       	mov    %r14,0x8(%rsp)
    7f89efefb661:	66 90                	xchg   %ax,%ax
    7f89efefb663:	e8 f8 bc b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb668:	0f 1f 84 00 60 06 00 	nopl   0xe000660(%rax,%rax,1)
    7f89efefb66f:	0e 
    7f89efefb670:	44 8b 58 08          	mov    0x8(%rax),%r11d
        ;   {metadata('java/lang/RuntimeException')}
    7f89efefb674:	49 ba 18 a7 1c 12 00 	movabs $0x121ca718,%r10
    7f89efefb67b:	00 00 00 
    7f89efefb67e:	41 b8 00 00 00 12    	mov    $0x12000000,%r8d
    7f89efefb684:	4d 03 c3             	add    %r11,%r8
    7f89efefb687:	4d 8b 58 48          	mov    0x48(%r8),%r11
    7f89efefb68b:	4d 3b da             	cmp    %r10,%r11
    7f89efefb68e:	74 0d                	je     0x7f89efefb69d
    7f89efefb690:	48 8b f0             	mov    %rax,%rsi
    7f89efefb693:	48 83 c4 60          	add    $0x60,%rsp
    7f89efefb697:	5d                   	pop    %rbp
        ;   {runtime_call C2 Runtime rethrow}
    7f89efefb698:	e9 43 5a b7 ff       	jmp    0x7f89efa710e0
    7f89efefb69d:	48 8b e8             	mov    %rax,%rbp
    7f89efefb6a0:	be 95 ff ff ff       	mov    $0xffffff95,%esi
    7f89efefb6a5:	66 90                	xchg   %ax,%ax
    7f89efefb6a7:	e8 b4 bc b6 ff       	call   0x7f89efa67360
        ;   {post_call_nop}
    7f89efefb6ac:	0f 1f 84 00 a4 06 00 	nopl   0xf0006a4(%rax,%rax,1)
    7f89efefb6b3:	0f 
    7f89efefb6b4:	44 8b 37             	mov    (%rdi),%r14d
    7f89efefb6b7:	49 c1 e6 03          	shl    $0x3,%r14
    7f89efefb6bb:	49 83 fe 00          	cmp    $0x0,%r14
    7f89efefb6bf:	0f 84 7a fb ff ff    	je     0x7f89efefb23f
    7f89efefb6c5:	49 8b 6f 38          	mov    0x38(%r15),%rbp
    7f89efefb6c9:	48 85 ed             	test   %rbp,%rbp
    7f89efefb6cc:	0f 84 15 00 00 00    	je     0x7f89efefb6e7
    7f89efefb6d2:	48 83 ed 08          	sub    $0x8,%rbp
    7f89efefb6d6:	49 89 6f 38          	mov    %rbp,0x38(%r15)
    7f89efefb6da:	49 03 6f 40          	add    0x40(%r15),%rbp
    7f89efefb6de:	4c 89 75 00          	mov    %r14,0x0(%rbp)
    7f89efefb6e2:	e9 58 fb ff ff       	jmp    0x7f89efefb23f
    7f89efefb6e7:	48 83 ec 60          	sub    $0x60,%rsp
    7f89efefb6eb:	c5 f9 d6 44 24 58    	vmovq  %xmm0,0x58(%rsp)
    7f89efefb6f1:	c5 f9 d6 4c 24 50    	vmovq  %xmm1,0x50(%rsp)
    7f89efefb6f7:	c5 f9 d6 5c 24 48    	vmovq  %xmm3,0x48(%rsp)
    7f89efefb6fd:	4c 89 54 24 40       	mov    %r10,0x40(%rsp)
    7f89efefb702:	4c 89 5c 24 38       	mov    %r11,0x38(%rsp)
    7f89efefb707:	4c 89 44 24 30       	mov    %r8,0x30(%rsp)
    7f89efefb70c:	4c 89 4c 24 28       	mov    %r9,0x28(%rsp)
    7f89efefb711:	48 89 7c 24 20       	mov    %rdi,0x20(%rsp)
    7f89efefb716:	48 89 54 24 18       	mov    %rdx,0x18(%rsp)
    7f89efefb71b:	48 89 74 24 10       	mov    %rsi,0x10(%rsp)
    7f89efefb720:	48 89 44 24 08       	mov    %rax,0x8(%rsp)
    7f89efefb725:	49 8b fe             	mov    %r14,%rdi
        ;   {runtime_call G1BarrierSetRuntime::write_ref_field_pre_entry(oopDesc*, JavaThread*)}
    7f89efefb728:	49 8b f7             	mov    %r15,%rsi
    7f89efefb72b:	e8 00 fa 7a 18       	call   0x7f8a086ab130
    7f89efefb730:	48 8b 44 24 08       	mov    0x8(%rsp),%rax
    7f89efefb735:	48 8b 74 24 10       	mov    0x10(%rsp),%rsi
    7f89efefb73a:	48 8b 54 24 18       	mov    0x18(%rsp),%rdx
    7f89efefb73f:	48 8b 7c 24 20       	mov    0x20(%rsp),%rdi
    7f89efefb744:	4c 8b 4c 24 28       	mov    0x28(%rsp),%r9
    7f89efefb749:	4c 8b 44 24 30       	mov    0x30(%rsp),%r8
    7f89efefb74e:	4c 8b 5c 24 38       	mov    0x38(%rsp),%r11
    7f89efefb753:	4c 8b 54 24 40       	mov    0x40(%rsp),%r10
    7f89efefb758:	c5 f8 77             	vzeroupper
    7f89efefb75b:	c5 fa 7e 5c 24 48    	vmovq  0x48(%rsp),%xmm3
    7f89efefb761:	c5 fa 7e 4c 24 50    	vmovq  0x50(%rsp),%xmm1
    7f89efefb767:	c5 fa 7e 44 24 58    	vmovq  0x58(%rsp),%xmm0
    7f89efefb76d:	48 83 c4 60          	add    $0x60,%rsp
    7f89efefb771:	e9 c9 fa ff ff       	jmp    0x7f89efefb23f
    7f89efefb776:	f0 83 44 24 c0 00    	lock addl $0x0,-0x40(%rsp)
    7f89efefb77c:	80 7d 00 00          	cmpb   $0x0,0x0(%rbp)
    7f89efefb780:	0f 84 f1 fa ff ff    	je     0x7f89efefb277
    7f89efefb786:	c6 45 00 00          	movb   $0x0,0x0(%rbp)
    7f89efefb78a:	4d 8b 77 50          	mov    0x50(%r15),%r14
    7f89efefb78e:	4d 85 f6             	test   %r14,%r14
    7f89efefb791:	0f 84 14 00 00 00    	je     0x7f89efefb7ab
    7f89efefb797:	49 83 ee 08          	sub    $0x8,%r14
    7f89efefb79b:	4d 89 77 50          	mov    %r14,0x50(%r15)
    7f89efefb79f:	4d 03 77 58          	add    0x58(%r15),%r14
    7f89efefb7a3:	49 89 2e             	mov    %rbp,(%r14)
    7f89efefb7a6:	e9 cc fa ff ff       	jmp    0x7f89efefb277
    7f89efefb7ab:	48 83 ec 50          	sub    $0x50,%rsp
    7f89efefb7af:	c5 f9 d6 44 24 48    	vmovq  %xmm0,0x48(%rsp)
    7f89efefb7b5:	c5 f9 d6 4c 24 40    	vmovq  %xmm1,0x40(%rsp)
    7f89efefb7bb:	c5 f9 d6 5c 24 38    	vmovq  %xmm3,0x38(%rsp)
    7f89efefb7c1:	4c 89 54 24 30       	mov    %r10,0x30(%rsp)
    7f89efefb7c6:	4c 89 5c 24 28       	mov    %r11,0x28(%rsp)
    7f89efefb7cb:	4c 89 4c 24 20       	mov    %r9,0x20(%rsp)
    7f89efefb7d0:	48 89 54 24 18       	mov    %rdx,0x18(%rsp)
    7f89efefb7d5:	48 89 74 24 10       	mov    %rsi,0x10(%rsp)
    7f89efefb7da:	48 89 44 24 08       	mov    %rax,0x8(%rsp)
    7f89efefb7df:	48 8b fd             	mov    %rbp,%rdi
    7f89efefb7e2:	49 8b f7             	mov    %r15,%rsi
    7f89efefb7e5:	e8 66 f9 7a 18       	call   0x7f8a086ab150
    7f89efefb7ea:	48 8b 44 24 08       	mov    0x8(%rsp),%rax
    7f89efefb7ef:	48 8b 74 24 10       	mov    0x10(%rsp),%rsi
    7f89efefb7f4:	48 8b 54 24 18       	mov    0x18(%rsp),%rdx
    7f89efefb7f9:	4c 8b 4c 24 20       	mov    0x20(%rsp),%r9
    7f89efefb7fe:	4c 8b 5c 24 28       	mov    0x28(%rsp),%r11
    7f89efefb803:	4c 8b 54 24 30       	mov    0x30(%rsp),%r10
    7f89efefb808:	c5 f8 77             	vzeroupper
    7f89efefb80b:	c5 fa 7e 5c 24 38    	vmovq  0x38(%rsp),%xmm3
    7f89efefb811:	c5 fa 7e 4c 24 40    	vmovq  0x40(%rsp),%xmm1
    7f89efefb817:	c5 fa 7e 44 24 48    	vmovq  0x48(%rsp),%xmm0
    7f89efefb81d:	48 83 c4 50          	add    $0x50,%rsp
    7f89efefb821:	e9 51 fa ff ff       	jmp    0x7f89efefb277
    7f89efefb826:	49 ba b5 b3 ef ef 89 	movabs $0x7f89efefb3b5,%r10
    7f89efefb82d:	7f 00 00 
    7f89efefb830:	4d 89 97 38 05 00 00 	mov    %r10,0x538(%r15)
    7f89efefb837:	e9 24 e3 a8 ff       	jmp    0x7f89ef989b60
        ;   {runtime_call Stub::method_entry_barrier}
    7f89efefb83c:	e8 7f 4d a7 ff       	call   0x7f89ef9705c0
    7f89efefb841:	e9 e4 f8 ff ff       	jmp    0x7f89efefb12a
    7f89efefb846:	f4                   	hlt
    7f89efefb847:	f4                   	hlt
        ;   {runtime_call ExceptionBlob}
    7f89efefb848:	e9 13 be b6 ff       	jmp    0x7f89efa67660
    7f89efefb84d:	e8 00 00 00 00       	call   0x7f89efefb852
    7f89efefb852:	48 83 2c 24 05       	subq   $0x5,(%rsp)
    7f89efefb857:	e9 84 ca a8 ff       	jmp    0x7f89ef9882e0
    7f89efefb85c:	f4                   	hlt
    7f89efefb85d:	f4                   	hlt
    7f89efefb85e:	f4                   	hlt
    7f89efefb85f:	f4                   	hlt

